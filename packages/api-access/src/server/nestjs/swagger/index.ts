// Public surface of `@cern-sso/api-access/server/nestjs/swagger`: the route decorator that also
// writes the OpenAPI operation. Its own entry point, so that only apps that use @nestjs/swagger
// (an optional peer dependency) load it.
export { describeAccess } from './access-text.js';
export { GuardedOperation, type GuardedOperationOptions } from './guarded-operation.decorator.js';
