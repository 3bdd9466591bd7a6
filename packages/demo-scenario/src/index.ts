// The demo, written once: the calls the caller's POST /demo makes, what each identity is expected
// to get from them, and the identity look-up behind GET /me. `pnpm demo` and the end-to-end suite
// import the same code by name, so the demo and its checks cannot drift apart.
export {
  runScenario,
  SCENARIO_ROUTES,
  type CallOutcome,
  type ScenarioOptions,
  type ScenarioRoute,
} from './scenario.js';
export { describeFailure } from './describe-failure.js';
export { lookUpIdentity, type IdentityReport, type RoleStanding } from './look-up-identity.js';
export {
  EXPECTED,
  IDENTITIES,
  NEEDS,
  type Identity,
  type IdentityName,
} from './permission-matrix.js';
