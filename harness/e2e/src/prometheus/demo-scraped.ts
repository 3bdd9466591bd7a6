import { type CallOutcome } from '@cern-sso/demo-scenario';
import { type Stack } from '@cern-sso/stack';
import { runMatrix } from '../scenario/run-matrix.js';
import { endpointsOf } from '../stack/endpoints.js';
import { expectedDecisions, type DecisionCounts } from './expected-decisions.js';
import { scrapedSince } from './prometheus-api.js';
import { type ScrapeTarget } from './prometheus-process.js';

/** The jobs Prometheus scrapes for the demo: the three services of the stack. */
export function demoScrapeTargets(stack: Stack): ScrapeTarget[] {
  return [
    { job: 'sso-emulator', url: stack.sso.url },
    { job: 'target-api', url: stack.target.url },
    { job: 'caller', url: stack.caller.url },
  ];
}

/**
 * Runs the demo (every identity's scenario, then the caller's own POST /demo) and waits until
 * Prometheus has scraped each service since its last answer. Counters move before an answer
 * leaves, so every decision is in Prometheus then. Returns the decisions the demo made.
 */
export async function runDemoScraped(stack: Stack, prometheus: string): Promise<DecisionCounts> {
  const observed = await runMatrix(endpointsOf(stack));
  const response = await fetch(`${stack.caller.url}/demo`, { method: 'POST' });
  const demo = (await response.json()) as { calls: CallOutcome[] };
  await scrapedSince(prometheus, Date.now(), ['sso-emulator', 'target-api', 'caller']);
  return expectedDecisions(observed, demo.calls);
}

/** What the test and the screenshot query: target-api's decisions on the demo's routes, by outcome. */
export const DECISIONS_BY_OUTCOME =
  'sum by (outcome) (api_access_guard_decisions_total{job="target-api", route=~".*(whoami|reports).*"})';
