/**
 * The expected permissions of the demo, in one place: `pnpm demo` prints and checks it, and the
 * end-to-end suite asserts it cell by cell. Roles come from apps/sso-emulator/registry.yaml; the
 * rule of each route is declared in apps/target-api with the guard's decorators; the calls are
 * the demo scenario beside this file (scenario.ts).
 */
import { SCENARIO_ROUTES, type ScenarioRoute } from './scenario.js';

/** Who calls: the registry's demo applications, and tokens no API should accept. */
export const IDENTITIES = {
  caller: { token: 'api-access', clientId: 'caller' },
  'ops-bot': { token: 'api-access', clientId: 'ops-bot' },
  'auditor-bot': { token: 'api-access', clientId: 'auditor-bot' },
  stranger: { token: 'api-access', clientId: 'stranger' },
  'no token': { token: 'none' },
  'standard endpoint': { token: 'standard', clientId: 'caller' },
  'other audience': { token: 'api-access', clientId: 'caller', audience: 'ops-bot' },
} as const satisfies Record<string, Identity>;

export type IdentityName = keyof typeof IDENTITIES;

export type Identity =
  | { token: 'none' }
  | { token: 'api-access'; clientId: string; audience?: string }
  | { token: 'standard'; clientId: string };

/** What each route needs, as target-api declares it. */
export const NEEDS: Record<ScenarioRoute, string> = {
  'GET /whoami': 'any valid token',
  'GET /reports': 'reader, writer or admin',
  'POST /reports': 'writer',
  'DELETE /reports/:id': 'admin',
  'GET /reports/audit': 'reader and auditor',
};

// prettier-ignore
/** Expected HTTP status per identity, one column per route in SCENARIO_ROUTES order. */
const TABLE: Record<IdentityName, [number, number, number, number, number]> = {
  //                     whoami  list  create  delete  audit
  caller:              [ 200,    200,  201,    403,    403 ],
  'ops-bot':           [ 200,    200,  403,    204,    403 ],
  'auditor-bot':       [ 200,    200,  403,    403,    200 ],
  stranger:            [ 200,    403,  403,    403,    403 ],
  'no token':          [ 401,    401,  401,    401,    401 ],
  'standard endpoint': [ 401,    401,  401,    401,    401 ],
  'other audience':    [ 401,    401,  401,    401,    401 ],
};

export const EXPECTED = Object.fromEntries(
  Object.entries(TABLE).map(([identity, statuses]) => [
    identity,
    Object.fromEntries(SCENARIO_ROUTES.map((route, i) => [route, statuses[i]])),
  ]),
) as Record<IdentityName, Record<ScenarioRoute, number>>;
