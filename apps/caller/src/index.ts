// What the end-to-end package reuses: the one implementation of the demo scenario.
export {
  runScenario,
  SCENARIO_ROUTES,
  type CallOutcome,
  type ScenarioOptions,
  type ScenarioRoute,
} from './demo/scenario.js';
export { describeFailure } from './demo/describe-failure.js';
export { lookUpIdentity, type IdentityReport, type RoleStanding } from './me/look-up-identity.js';
