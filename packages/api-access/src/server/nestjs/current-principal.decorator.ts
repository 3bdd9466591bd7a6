import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { getRequestPrincipal } from './request-principal.js';

/**
 * The verified caller, as set by ApiAccessGuard: `@CurrentPrincipal() caller: ApiAccessPrincipal`.
 * Throws (500) on a route the guard did not check, so a missing guard is loud, not `undefined`.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => {
    const principal = getRequestPrincipal(context.switchToHttp().getRequest<object>());
    if (principal === undefined) {
      throw new Error('@CurrentPrincipal(): no principal; is ApiAccessGuard guarding this route?');
    }
    return principal;
  },
);
