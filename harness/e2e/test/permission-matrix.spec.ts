import { EXPECTED, IDENTITIES, SCENARIO_ROUTES, type IdentityName } from '@cern-sso/demo-scenario';
import { runMatrix, type Observed } from '../src/index.js';
import { suiteTarget, type SuiteTarget } from './support/environment.js';

let target: SuiteTarget;
let observed: Observed;

beforeAll(async () => {
  target = await suiteTarget();
  observed = await runMatrix(target.endpoints);
}, 60_000);
afterAll(() => target.close());

// Every cell of @cern-sso/demo-scenario's permission matrix, the same table `pnpm demo` checks.
const cells = (Object.keys(IDENTITIES) as IdentityName[]).flatMap((identity) =>
  SCENARIO_ROUTES.map((route) => [identity, route, EXPECTED[identity][route]] as const),
);

describe('permission matrix', () => {
  it.each(cells)('%s: %s -> %i', (identity, route, status) => {
    const outcome = observed[identity][route];
    expect({ identity, route, status: outcome.status }).toEqual({ identity, route, status });
  });

  it('gives the target’s reason for every refusal', () => {
    for (const routes of Object.values(observed)) {
      for (const outcome of Object.values(routes)) {
        if (outcome.status >= 400) expect(outcome.reason).toMatch(/requires|token|aud/);
      }
    }
  });
});

describe('the caller service', () => {
  it('runs the scenario as itself and sees its own row of the matrix', async () => {
    const response = await fetch(`${target.callerUrl}/demo`, { method: 'POST' });
    const { identity, calls } = (await response.json()) as {
      identity: string;
      calls: { route: string; status: number }[];
    };
    expect(identity).toBe('caller');
    expect(Object.fromEntries(calls.map((call) => [call.route, call.status]))).toEqual(
      EXPECTED.caller,
    );
  });
});
