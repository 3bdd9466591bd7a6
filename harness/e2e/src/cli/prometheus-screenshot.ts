#!/usr/bin/env node
// `pnpm --filter @cern-sso/e2e screenshot:prometheus`: the picture in docs/observability.md.
// Starts the three services and a real Prometheus scraping them, runs the demo, and photographs
// Prometheus' graph page of target-api's decisions by outcome into docs/images/.
import { fileURLToPath } from 'node:url';
import { openChromium } from '@cern-sso/browser-testing';
import { startStack } from '@cern-sso/stack';
import {
  DECISIONS_BY_OUTCOME,
  demoScrapeTargets,
  runDemoScraped,
  startPrometheus,
} from '../prometheus/index.js';

const IMAGES = fileURLToPath(new URL('../../../../docs/images/', import.meta.url));

const stack = await startStack();
try {
  const prometheus = await startPrometheus(demoScrapeTargets(stack));
  try {
    const made = await runDemoScraped(stack, prometheus.url);
    console.log(`The demo's decisions: ${JSON.stringify(made)}`);
    const browser = await openChromium(IMAGES);
    try {
      await browser.page.setViewportSize({ width: 1280, height: 720 });
      const graph = `${prometheus.url}/graph?g0.expr=${encodeURIComponent(DECISIONS_BY_OUTCOME)}&g0.tab=0&g0.range_input=2m`;
      await browser.page.goto(graph, { waitUntil: 'networkidle' });
      // The legend appears once the query has data: Debian's classic UI, or the React one.
      await browser.page.locator('.rickshaw_legend .line, .graph-legend').first().waitFor();
      console.log(`Written: ${await browser.screenshot('prometheus-decisions')}`);
    } finally {
      await browser.close();
    }
  } finally {
    await prometheus.stop();
  }
} finally {
  await stack.stop();
}
