import { existsSync } from 'node:fs';
import { startStack, type Stack } from '@cern-sso/stack';
import {
  DECISIONS_BY_OUTCOME,
  demoScrapeTargets,
  lastScrapes,
  PROMETHEUS,
  query,
  runDemoScraped,
  startPrometheus,
  type RunningPrometheus,
} from '../src/index.js';
import { usesRunningServices } from './support/environment.js';

/** CI sets REQUIRE_PROMETHEUS=1 (`.ci/run`, which installs Debian's prometheus): no skipping there. */
const REQUIRE_PROMETHEUS = process.env.REQUIRE_PROMETHEUS === '1';

function describeWithPrometheus(): jest.Describe {
  // The suite starts the services itself, so that Prometheus can scrape them from the start.
  if (usesRunningServices) return describe.skip;
  if (existsSync(PROMETHEUS) || REQUIRE_PROMETHEUS) return describe;
  process.stderr.write(
    `Skipping the Prometheus end-to-end test: no Prometheus at ${PROMETHEUS} (apt-get install prometheus, or set PROMETHEUS_PATH).\n`,
  );
  return describe.skip;
}

describeWithPrometheus()(
  'a real Prometheus scraping the three services while the demo runs',
  () => {
    let stack: Stack;
    let prometheus: RunningPrometheus;
    beforeAll(async () => {
      stack = await startStack();
      prometheus = await startPrometheus(demoScrapeTargets(stack));
    }, 120_000);
    afterAll(async () => {
      await prometheus?.stop();
      await stack?.stop();
    });

    it('counts target-api’s decisions by outcome exactly as the demo made them', async () => {
      const expected = await runDemoScraped(stack, prometheus.url);

      const scrapes = await lastScrapes(prometheus.url);
      expect(
        Object.fromEntries(Object.entries(scrapes).map(([job, t]) => [job, [t.health, t.error]])),
      ).toEqual({
        'sso-emulator': ['up', ''],
        'target-api': ['up', ''],
        caller: ['up', ''],
      });
      // The demo's routes only: a probe of /health or Prometheus' own scrape is no demo call.
      const counted = await query(prometheus.url, DECISIONS_BY_OUTCOME);
      expect(Object.fromEntries(counted.map((s) => [s.metric.outcome, s.value]))).toEqual(
        Object.fromEntries(Object.entries(expected).filter(([, n]) => n > 0)),
      );
    });
  },
);
