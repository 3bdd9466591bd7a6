/**
 * The emulator's Authorization Service API is the registry application with this client id:
 * tokens must be addressed to it, and the roles below are defined on it in `registry.yaml`.
 */
export const AUTHZ_API_CLIENT_ID = 'authorization-service-api';

/**
 * Looking up identities, groups and application roles. `Identity/current` needs no role: any
 * application with a valid token may ask who it is.
 */
export const READER_ROLE = 'reader';
