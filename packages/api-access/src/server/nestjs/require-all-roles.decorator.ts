import { Reflector } from '@nestjs/core';

/** Metadata behind `@RequireAllRoles`. */
export const RequireAllRolesMetadata = Reflector.createDecorator<readonly string[]>();

/** The caller needs every one of these roles. On a handler it replaces the class's. */
export function RequireAllRoles(...roles: string[]): ReturnType<typeof RequireAllRolesMetadata> {
  if (roles.length === 0) throw new TypeError('@RequireAllRoles() needs at least one role');
  return RequireAllRolesMetadata(Object.freeze(roles));
}
