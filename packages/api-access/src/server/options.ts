import type { Clock } from '../clock.js';

export type { Clock };

/** Where the guard reports what operators must see (an unreachable JWKS, a stale key served). */
export interface ApiAccessLogger {
  warn(message: string): void;
  error(message: string): void;
}

/**
 * How an API validates CERN SSO API Access tokens. Only `issuer` and `clientId` are required:
 * everything else defaults to what the CERN SSO (Keycloak) issues.
 */
export interface ApiAccessOptions {
  /** Exact `iss` to accept, e.g. `https://auth.cern.ch/auth/realms/cern`. Required. */
  issuer: string;
  /** This API's own client id: tokens must carry it in `aud`. Required. */
  clientId: string;
  /** JWKS URL. Default: `${issuer}/protocol/openid-connect/certs` (Keycloak's path). */
  jwksUri?: string;
  /** Accepted JWS `alg` values, asymmetric only (`none` and `HS*` are refused). Default `['RS256']`. */
  algorithms?: readonly string[];
  /** Leeway for `exp`, `nbf` and `iat`, in seconds. Default 5. */
  clockToleranceSec?: number;
  /**
   * Where roles live: a dotted path (`'resource_access.my-api.roles'`) or its segments
   * (`['resource_access', 'my.api', 'roles']` when a segment contains a dot). Default `'cern_roles'`.
   */
  rolesClaim?: string | readonly string[];
  /** If set, only these caller client ids (`azp`) are accepted on any guarded route. Default: any. */
  allowedCallers?: readonly string[];
  /** If set, the JOSE header `typ` must equal it (case-insensitive), e.g. `'at+jwt'`. Default: off. */
  requireTyp?: string;
  /** `realm` in `WWW-Authenticate`. Default: `clientId`. */
  realm?: string;
  /** JWKS request timeout in milliseconds, at most 5000. Default 5000. */
  jwksTimeoutMs?: number;
  /** JWKS fetches allowed per minute for unknown `kid`s (a flood cannot hammer the SSO). Default 10. */
  jwksRequestsPerMinute?: number;
  /** How long a fetched signing key is trusted before it is looked up again, in seconds. Default 600. */
  jwksCacheMaxAgeSec?: number;
  /** How many signing keys (by `kid`) are cached. Default 10. */
  jwksCacheMaxEntries?: number;
  /** How long a key may still be used while the JWKS endpoint is down, in seconds. Default 3600. */
  staleKeyMaxAgeSec?: number;
  /** Verified tokens remembered so a token reused by its caller skips the RSA check; 0 disables. Default 1000. */
  tokenCacheMaxEntries?: number;
  /** Longest a verified token is remembered, in seconds (also bounded by its `exp`). Default 60. */
  tokenCacheMaxAgeSec?: number;
  /** `Retry-After` sent with 503 when no signing key can be obtained, in seconds. Default 10. */
  retryAfterSec?: number;
  /** Current time. Default `Date.now`. */
  clock?: Clock;
  /** Operational warnings (never tokens). Default: silent. */
  logger?: ApiAccessLogger;
}
