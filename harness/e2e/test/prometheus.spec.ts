import { existsSync } from 'node:fs';
import { type CallOutcome } from '@cern-sso/caller';
import { startStack, type Stack } from '@cern-sso/stack';
import {
  endpointsOf,
  expectedDecisions,
  lastScrapes,
  PROMETHEUS,
  query,
  runMatrix,
  startPrometheus,
  type RunningPrometheus,
} from '../src/index.js';
import { eventually } from './support/admin.js';
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
      prometheus = await startPrometheus([
        { job: 'sso-emulator', url: stack.sso.url },
        { job: 'target-api', url: stack.target.url },
        { job: 'caller', url: stack.caller.url },
      ]);
    }, 120_000);
    afterAll(async () => {
      await prometheus?.stop();
      await stack?.stop();
    });

    it('counts target-api’s decisions by outcome exactly as the demo made them', async () => {
      const observed = await runMatrix(endpointsOf(stack));
      const demo = (await (await fetch(`${stack.caller.url}/demo`, { method: 'POST' })).json()) as {
        calls: CallOutcome[];
      };
      const doneAt = Date.now();

      // Counters are incremented before the answer leaves: a scrape that starts after the demo's
      // last answer sees every decision. Wait for one per service (a condition, not a duration).
      await eventually(
        async () => {
          const scrapes = Object.values(await lastScrapes(prometheus.url));
          return scrapes.length === 3 && scrapes.every((scrape) => scrape.at > doneAt);
        },
        60_000,
        'a scrape of each service after the demo',
      );
      const health = await lastScrapes(prometheus.url);
      expect(
        Object.fromEntries(Object.entries(health).map(([job, t]) => [job, [t.health, t.error]])),
      ).toEqual({
        'sso-emulator': ['up', ''],
        'target-api': ['up', ''],
        caller: ['up', ''],
      });

      // The demo's routes only: a probe of /health or Prometheus' own /metrics is no demo call.
      const samples = await query(
        prometheus.url,
        'sum by (outcome) (api_access_guard_decisions_total{job="target-api", route=~".*(whoami|reports).*"})',
      );
      const counted = Object.fromEntries(samples.map((s) => [s.metric.outcome, s.value]));
      const expected = Object.fromEntries(
        Object.entries(expectedDecisions(observed, demo.calls)).filter(([, n]) => n > 0),
      );
      expect(counted).toEqual(expected);
    });
  },
);
