import type { NestRoute } from './nest-routes.js';

/**
 * What the guard does with a caller on a route, as far as the decorators decide it: `passes`
 * (the handler then answers), 401 without a token, 403 without the roles. `roles` undefined means
 * no token. A matrix identity calls as `matrix-<name>`, which no @AllowedCallers list names.
 */
export function guardOutcome(
  route: NestRoute,
  roles: readonly string[] | undefined,
): 'passes' | 401 | 403 {
  if (route.isPublic) return 'passes';
  if (roles === undefined) return 401;
  const held = new Set(roles);
  const any = !route.anyRoles || route.anyRoles.some((role) => held.has(role));
  const all = !route.allRoles || route.allRoles.every((role) => held.has(role));
  return any && all && !route.callers ? 'passes' : 403;
}
