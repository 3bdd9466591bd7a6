import type { FetchedToken } from './fetch-token.js';
import type { RefreshPolicy } from './options.js';

/** A token in the cache, with the two moments that matter, in ms since the epoch. */
export interface CachedToken {
  accessToken: string;
  /** After this, the token is not served any more. */
  expiresAt: number;
  /** From this on, a call starts one background refresh while still getting this token. */
  refreshAt: number;
}

/**
 * Schedules the refresh at whichever comes first: `lifetimeFraction` of the lifetime passed, or
 * only `minRemainingMs` left. A token shorter than `minRemainingMs` is refreshed on every call
 * (one refresh at a time): that is the rule taken literally, and such tokens do not occur at CERN.
 */
export function cacheToken(token: FetchedToken, policy: RefreshPolicy): CachedToken {
  const lifetimeMs = token.expiresIn * 1000;
  const refreshAfterMs = Math.min(
    lifetimeMs * policy.lifetimeFraction,
    lifetimeMs - policy.minRemainingMs,
  );
  return {
    accessToken: token.accessToken,
    expiresAt: token.requestedAt + lifetimeMs,
    refreshAt: token.requestedAt + Math.max(0, refreshAfterMs),
  };
}
