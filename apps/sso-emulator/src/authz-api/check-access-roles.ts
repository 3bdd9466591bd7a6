import { type Registry } from '../registry/registry.js';
import { RegistryError } from '../registry/registry.schema.js';
import { AUTHZ_API_CLIENT_ID, READER_ROLE } from './access-roles.js';

/**
 * The routes name the role `reader`; a registry that registers `authorization-service-api`
 * without it would make every lookup a 403 for everyone. Stop at start instead, naming it.
 * A registry without the application is fine: no token can be issued for the API then.
 */
export function checkAccessRoles(registry: Registry, source = 'registry'): void {
  const api = registry.application(AUTHZ_API_CLIENT_ID);
  if (api !== undefined && !api.roles.some((role) => role.name === READER_ROLE)) {
    throw new RegistryError(
      [
        `application "${AUTHZ_API_CLIENT_ID}": missing role "${READER_ROLE}" (the emulator's Authorization Service API requires it for every lookup but Identity/current)`,
      ],
      source,
    );
  }
}
