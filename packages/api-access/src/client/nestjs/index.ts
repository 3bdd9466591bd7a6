// Public surface of `@cern-sso/api-access/client/nestjs`: the NestJS adapter of the token client.
export { ApiAccessClientModule } from './api-access-client.module.js';
export { API_ACCESS_CLIENT_OPTIONS } from './api-access-client.module-definition.js';
export { ApiAccessTargets } from './api-access-targets.js';
export type { ApiAccessClientModuleOptions, ApiAccessTarget } from './api-access-client.options.js';
