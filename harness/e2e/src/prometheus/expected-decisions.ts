import { IDENTITIES, type CallOutcome, type IdentityName } from '@cern-sso/demo-scenario';
import { type Observed } from '../scenario/run-matrix.js';

/** The guard's outcomes, as `api_access_guard_decisions_total` labels them. */
export type Outcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'unavailable';

export type DecisionCounts = Record<Outcome, number>;

/**
 * How many decisions target-api made, by outcome, for the demo's calls: `runMatrix` (one report
 * created by the writer per identity, then each identity's scenario) and the caller's own
 * `POST /demo`. An identity with a token sends a refused call twice: `withApiAccess` retries a 401
 * once with a fresh token, and target-api decides each time.
 */
export function expectedDecisions(observed: Observed, demo: CallOutcome[]): DecisionCounts {
  const counts: DecisionCounts = { allowed: 0, unauthenticated: 0, forbidden: 0, unavailable: 0 };
  const count = (outcome: CallOutcome, hasToken: boolean) => {
    if (outcome.status === 401) counts.unauthenticated += hasToken ? 2 : 1;
    else if (outcome.status === 403) counts.forbidden += 1;
    else if (outcome.status === 503) counts.unavailable += 1;
    else if (outcome.status >= 200 && outcome.status < 300) counts.allowed += 1;
    else throw new Error(`${outcome.route}: status ${outcome.status} is no guard decision`);
  };
  for (const [name, routes] of Object.entries(observed) as [
    IdentityName,
    Observed[IdentityName],
  ][]) {
    counts.allowed += 1; // the report the writer created for this identity to delete
    const hasToken = IDENTITIES[name].token !== 'none';
    for (const outcome of Object.values(routes)) count(outcome, hasToken);
  }
  for (const outcome of demo) count(outcome, true);
  return counts;
}
