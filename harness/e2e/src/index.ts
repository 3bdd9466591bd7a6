export {
  AUTHZ_API_AUDIENCE,
  authzClientFor,
  clientFor,
  type Endpoints,
} from './scenario/identity-client.js';
export { runIdentityReports, type IdentityOutcome } from './scenario/run-identities.js';
export { describeReport, formatIdentityReports } from './scenario/print-identities.js';
export { mismatches, runMatrix, type Mismatch, type Observed } from './scenario/run-matrix.js';
export { formatMatrix } from './scenario/print-matrix.js';
export { endpointsOf, demoSecretOf } from './stack/endpoints.js';
export {
  DECISIONS_BY_OUTCOME,
  demoScrapeTargets,
  expectedDecisions,
  lastScrapes,
  PROMETHEUS,
  query,
  runDemoScraped,
  startPrometheus,
  type DecisionCounts,
  type RunningPrometheus,
} from './prometheus/index.js';
