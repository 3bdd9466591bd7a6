import {
  EXPECTED,
  IDENTITIES,
  runScenario,
  type CallOutcome,
  type IdentityName,
  type ScenarioRoute,
} from '@cern-sso/demo-scenario';
import { clientFor, type Endpoints } from './identity-client.js';

export type Observed = Record<IdentityName, Record<ScenarioRoute, CallOutcome>>;

export interface Mismatch {
  identity: IdentityName;
  route: ScenarioRoute;
  expected: number;
  actual: CallOutcome;
}

/**
 * Runs the caller's scenario once per identity. Each identity deletes a report a writer has just
 * created, so `DELETE` is decided by role alone and the run can be repeated.
 */
export async function runMatrix(endpoints: Endpoints): Promise<Observed> {
  const writer = clientFor(IDENTITIES.caller, endpoints);
  const observed = {} as Observed;
  for (const [name, identity] of Object.entries(IDENTITIES) as [
    IdentityName,
    (typeof IDENTITIES)[IdentityName],
  ][]) {
    const { data } = await writer.post('/reports', { title: `To be deleted by ${name}` });
    const outcomes = await runScenario(clientFor(identity, endpoints), {
      reportId: (data as { id: number }).id,
    });
    observed[name] = Object.fromEntries(
      outcomes.map((outcome) => [outcome.route, outcome]),
    ) as Observed[IdentityName];
  }
  return observed;
}

export function mismatches(observed: Observed): Mismatch[] {
  const found: Mismatch[] = [];
  for (const [identity, routes] of Object.entries(EXPECTED) as [
    IdentityName,
    Record<ScenarioRoute, number>,
  ][]) {
    for (const [route, expected] of Object.entries(routes) as [ScenarioRoute, number][]) {
      const actual = observed[identity][route];
      if (actual.status !== expected) found.push({ identity, route, expected, actual });
    }
  }
  return found;
}
