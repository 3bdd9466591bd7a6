import type { Clock } from '../clock.js';
import type { JsonObject } from './decode-token.js';
import type { ApiAccessObserver } from './observer.js';
import type { Scheduler } from './scheduler.js';

export type { Clock, JsonObject, Scheduler };

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
  /**
   * JWKS URL. Default: `jwks_uri` of `${issuer}/.well-known/openid-configuration` (OpenID
   * Connect discovery), or Keycloak's `${issuer}/protocol/openid-connect/certs` while that fails.
   */
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
  /** If set, only these caller client ids (`azp`, else `client_id`) may call any guarded route. Default: any. */
  allowedCallers?: readonly string[];
  /** If set, the JOSE header `typ` must equal it (case-insensitive), e.g. `'at+jwt'`. Default: off. */
  requireTyp?: string;
  /** `realm` in `WWW-Authenticate`. Default: `clientId`. */
  realm?: string;
  /** JWKS request timeout in milliseconds, at most 5000. Default 5000. */
  jwksTimeoutMs?: number;
  /** Shortest time between two JWKS fetches, in seconds (an unknown `kid` waits for the next). Default 6. */
  jwksRefetchIntervalSec?: number;
  /** Most JWKS fetches in any 60 s, whatever the flood of unknown `kid`s. Default 10. */
  jwksRequestsPerMinute?: number;
  /** The key set is fetched again this long after each fetch, in seconds: a retired key goes within it. Default 60. */
  jwksRefreshIntervalSec?: number;
  /** How long the last good key set is still used while the JWKS cannot be fetched, in seconds. Default 3600. */
  staleKeyMaxAgeSec?: number;
  /** Verified tokens remembered so a token reused by its caller skips the RSA check; 0 disables. Default 1000. */
  tokenCacheMaxEntries?: number;
  /** Longest a verified token is remembered, in seconds (also bounded by its `exp`). Default 60. */
  tokenCacheMaxAgeSec?: number;
  /** `Retry-After` sent with 503 when no signing key can be obtained, in seconds. Default 10. */
  retryAfterSec?: number;
  /**
   * Whether the verified claims come from an application rather than a person
   * (`principal.isApplication`). Default: `sub` starts with `service-account-` (Keycloak's rule).
   */
  isApplication?: (claims: JsonObject) => boolean;
  /** Current time. Default `Date.now`. */
  clock?: Clock;
  /** Runs the background refresh and delayed fetches. Default: unref'd `setTimeout`. */
  scheduler?: Scheduler;
  /** Operational warnings (never tokens). Default: silent. */
  logger?: ApiAccessLogger;
  /** Told of each access decision and JWKS fetch, for metrics and logs. Default: none. */
  observer?: ApiAccessObserver;
}
