// Public surface of `@cern-sso/api-access/matrix`: the permission-matrix kit, framework-free.
// The file's JSON Schema ships as `@cern-sso/api-access/matrix/schema.json`.
export { describeMatrix, type DescribeMatrixOptions } from './describe-matrix.js';
export {
  checkIdentitySetup,
  clientIdFor,
  identityAuthorizations,
  type IdentityTokenOptions,
  type MatrixIssuer,
} from './identity-tokens.js';
export { loadMatrix, parseMatrix, type LoadMatrixOptions } from './load-matrix.js';
export type { Matrix, MatrixCell, MatrixIdentity, MatrixRoute, MatrixSso } from './matrix.js';
export {
  MatrixFileError,
  MatrixIdentityError,
  MatrixSetupError,
  type MatrixFileProblem,
} from './matrix-errors.js';
export { formatReason, refusalReason, type RefusalReason } from './refusal-reason.js';
export { toJsonReport, type MatrixJsonReport } from './report-json.js';
export { toJUnitXml } from './report-junit.js';
export { describeMismatch, formatTable } from './report-table.js';
export {
  runCell,
  runMatrix,
  type CellResult,
  type MatrixResult,
  type RunMatrixOptions,
} from './run-matrix.js';
export { matrixSchema } from './schema-check.js';
