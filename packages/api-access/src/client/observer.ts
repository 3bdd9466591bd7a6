import type { ApiAccessError } from '../errors/api-access-error.js';

/** One request to the token endpoint, retries included, as metrics and logs see it. */
export interface TokenRequestEvent {
  readonly audience: string;
  /** `ok`, or the failure's stable `ERR_*` code. */
  readonly result: string;
  /** From the first attempt to the answer, in ms (retries and their waits included). */
  readonly durationMs: number;
  /** Whether a still-valid token was being served meanwhile (a refresh ahead of expiry). */
  readonly background: boolean;
  /** When the new token expires, ms since the epoch; undefined on failure. */
  readonly expiresAt: number | undefined;
}

/**
 * Hooks for metrics and logs, called synchronously by the token client: keep them cheap and
 * never throw. They never see a token or the secret. `@cern-sso/api-access/metrics` has a
 * prom-client one.
 */
export interface TokenClientObserver {
  /** `getToken` was answered from the cache. */
  cacheHit?(audience: string): void;
  /** `getToken` joined a request already in flight for its audience (single-flight). */
  sharedRequest?(audience: string): void;
  /** An attempt failed transiently and another follows after `delayMs`. */
  retry?(audience: string, error: ApiAccessError, delayMs: number): void;
  /** A request to the token endpoint ended. */
  tokenRequest?(event: TokenRequestEvent): void;
}

/** One observer that tells each of `observers` in turn, e.g. metrics and a request log. */
export function combineTokenClientObservers(
  ...observers: readonly TokenClientObserver[]
): TokenClientObserver {
  return {
    cacheHit: (audience) => {
      for (const observer of observers) observer.cacheHit?.(audience);
    },
    sharedRequest: (audience) => {
      for (const observer of observers) observer.sharedRequest?.(audience);
    },
    retry: (audience, error, delayMs) => {
      for (const observer of observers) observer.retry?.(audience, error, delayMs);
    },
    tokenRequest: (event) => {
      for (const observer of observers) observer.tokenRequest?.(event);
    },
  };
}
