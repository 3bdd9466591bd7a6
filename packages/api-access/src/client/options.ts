import type { AxiosInstance } from 'axios';
import type { ApiAccessError } from '../errors/api-access-error.js';
import type { TokenHttp } from './http.js';
import type { Clock } from '../clock.js';
import type { TokenClientObserver } from './observer.js';

export type { Clock };

/** How often and how long to retry network errors, timeouts, 5xx and 429. */
export interface RetryPolicy {
  /** Attempts in total, including the first (integer >= 1). Default 4. */
  maxAttempts: number;
  /** Backoff before the second attempt, doubled each time, in ms (full jitter). Default 200. */
  baseDelayMs: number;
  /** Cap on one backoff delay, in ms (`Retry-After` is honoured even above it). Default 5000. */
  maxDelayMs: number;
  /** Budget for all attempts and waits of one fetch, in ms. Default 15000. */
  maxTotalMs: number;
}

/** When to fetch a new token ahead of expiry: at whichever of the two points comes first. */
export interface RefreshPolicy {
  /** Refresh once this fraction of the lifetime has passed (0 < x <= 1). Default 0.8. */
  lifetimeFraction: number;
  /** Refresh once fewer than this many ms remain. Default 60000. */
  minRemainingMs: number;
  /** After a failed background refresh, wait this many ms before trying again. Default 10000. */
  retryDelayMs: number;
}

export type ClientAuthentication = 'client_secret_post' | 'client_secret_basic';

/**
 * A token-request form parameter that names the target: `audience` (CERN API Access, Keycloak,
 * Auth0...) or `resource` (RFC 8707 resource indicators, an absolute URI).
 */
export type TargetParameter = 'audience' | 'resource';

export interface TokenClientOptions {
  /** API Access token endpoint URL, e.g. `https://auth.cern.ch/auth/realms/cern/api-access/token`. */
  tokenEndpoint: string;
  /** This application's client id. */
  clientId: string;
  /** This application's client secret. Never logged, never in an error. */
  clientSecret: string;
  /** Credentials in the form body (default, as in CERN's curl example) or as HTTP Basic. */
  clientAuthentication?: ClientAuthentication;
  /**
   * Which form parameters carry the target passed to `getToken`: `['audience']` (default, CERN),
   * `['resource']` (RFC 8707) or both. With `resource`, the target must be an absolute URI.
   */
  targetParameters?: readonly TargetParameter[];
  /**
   * Fail at once (`ERR_TOKEN_REQUEST_WRONG_AUDIENCE`) when a token is not a JWT whose `aud` holds
   * the target. Set `false` only for a server that issues opaque tokens. Default `true`.
   */
  checkTokenAudience?: boolean;
  /** Timeout of one token request, in ms. Default 5000. */
  timeoutMs?: number;
  /** Retry policy; missing fields take their defaults. */
  retry?: Partial<RetryPolicy>;
  /** Refresh policy; missing fields take their defaults. */
  refresh?: Partial<RefreshPolicy>;
  /** HTTP seam: an axios instance or a `TokenHttp` function. Default: a new axios instance. */
  http?: AxiosInstance | TokenHttp;
  /** Time source, ms since the epoch. Default `Date.now`. */
  clock?: Clock;
  /** Waits between retries. Default a `setTimeout` promise; tests inject one that advances a clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
  /** Told about background refreshes that failed (the old token is still served). Default: ignored. */
  onRefreshError?: (error: ApiAccessError, audience: string) => void;
  /** Told of cache hits, shared requests, retries and token requests (metrics, logs). Default: none. */
  observer?: TokenClientObserver;
}

/** The options after validation, with every default filled in. */
export interface ResolvedTokenClientOptions {
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  clientAuthentication: ClientAuthentication;
  targetParameters: readonly TargetParameter[];
  checkTokenAudience: boolean;
  timeoutMs: number;
  retry: RetryPolicy;
  refresh: RefreshPolicy;
  http: TokenHttp;
  clock: Clock;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  onRefreshError: (error: ApiAccessError, audience: string) => void;
  observer: TokenClientObserver;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_TARGET_PARAMETERS: readonly TargetParameter[] = Object.freeze(['audience']);
export const DEFAULT_RETRY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 5000,
  maxTotalMs: 15_000,
});
export const DEFAULT_REFRESH: Readonly<RefreshPolicy> = Object.freeze({
  lifetimeFraction: 0.8,
  minRemainingMs: 60_000,
  retryDelayMs: 10_000,
});
