// Public surface of `@cern-sso/api-access/matrix/nestjs`: what a Nest app's permission matrix
// must cover, read from the app itself.
export { initialMatrix, type InitialMatrixOptions } from './initial-matrix.js';
export { matrixCoverage, type CoverageFinding } from './matrix-coverage.js';
export { listNestRoutes, type NestRoute, type NestRoutesOptions } from './nest-routes.js';
