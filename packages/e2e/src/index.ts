export {
  EXPECTED,
  IDENTITIES,
  NEEDS,
  type Identity,
  type IdentityName,
} from './permission-matrix.js';
export { clientFor, type Endpoints } from './scenario/identity-client.js';
export { mismatches, runMatrix, type Mismatch, type Observed } from './scenario/run-matrix.js';
export { formatMatrix } from './scenario/print-matrix.js';
export { startStack, type Stack, type StackOptions } from './stack/stack.js';
export { endpointsOf, demoSecretOf } from './stack/endpoints.js';
