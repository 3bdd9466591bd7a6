import { CallerNotAllowedError, RoleMissingError } from './errors.js';
import type { ApiAccessPrincipal } from './principal.js';
import { hasAllRoles, hasAnyRole } from './role-match.js';

/** What a route asks of a verified caller; every part that is set must hold. */
export interface AccessRequirements {
  /** At least one of these roles. */
  readonly anyRoles?: readonly string[] | undefined;
  /** All of these roles. */
  readonly allRoles?: readonly string[] | undefined;
  /** Caller client ids (`azp`) allowed on this route. */
  readonly callers?: readonly string[] | undefined;
}

/**
 * Throws CallerNotAllowedError or RoleMissingError unless the principal meets the requirements
 * and, when configured, the API-wide caller allow-list. A valid token alone only proves "some
 * CERN application": any application can obtain a token for any audience, so routes that matter
 * must name roles or callers.
 */
export function authorize(
  principal: ApiAccessPrincipal,
  requirements: AccessRequirements,
  allowedCallers?: ReadonlySet<string>,
): void {
  const caller = principal.clientId;
  if (allowedCallers !== undefined && (caller === undefined || !allowedCallers.has(caller))) {
    throw new CallerNotAllowedError('caller is not on this API allow-list');
  }
  const callers = requirements.callers;
  if (callers !== undefined && (caller === undefined || !callers.includes(caller))) {
    throw new CallerNotAllowedError(`caller is not one of ${callers.join(', ')}`);
  }
  const all = requirements.allRoles;
  if (all !== undefined && !hasAllRoles(principal.roles, all)) {
    throw new RoleMissingError(`requires all of the roles: ${all.join(', ')}`, all);
  }
  const any = requirements.anyRoles;
  if (any !== undefined && !hasAnyRole(principal.roles, any)) {
    throw new RoleMissingError(`requires any of the roles: ${any.join(', ')}`, any);
  }
}
