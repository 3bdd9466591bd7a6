// The NestJS adapter: a module providing the verifier, the passport strategy and the guard, and
// the route decorators.
export { AllowedCallers, AllowedCallersMetadata } from './allowed-callers.decorator.js';
export { ApiAccessGuard } from './api-access.guard.js';
export {
  API_ACCESS_OPTIONS,
  ASYNC_OPTIONS_TYPE,
  OPTIONS_TYPE,
} from './api-access.module-definition.js';
export { ApiAccessModule } from './api-access.module.js';
export { ApiAccessPassportStrategy } from './api-access.strategy.js';
export { CurrentPrincipal } from './current-principal.decorator.js';
export { Public, PublicMetadata } from './public.decorator.js';
export { RequireAllRoles, RequireAllRolesMetadata } from './require-all-roles.decorator.js';
export { Roles, RolesMetadata } from './roles.decorator.js';
