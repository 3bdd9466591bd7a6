import { Reflector } from '@nestjs/core';

/** Metadata behind `@Roles`; read with `reflector.getAllAndOverride(RolesMetadata, ...)`. */
export const RolesMetadata = Reflector.createDecorator<readonly string[]>();

/** The caller needs at least one of these roles. On a handler it replaces the class's. */
export function Roles(...roles: string[]): ReturnType<typeof RolesMetadata> {
  if (roles.length === 0) throw new TypeError('@Roles() needs at least one role');
  return RolesMetadata(Object.freeze(roles));
}
