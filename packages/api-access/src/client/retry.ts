import {
  TokenHttpError,
  TokenNetworkError,
  TokenOAuthError,
  TokenTimeoutError,
} from './errors/token-errors.js';
import type { RetryPolicy } from './options.js';

/**
 * Transient failures only: no answer, 5xx, 429. Any other 4xx (`invalid_client`,
 * `unauthorized_client`, `invalid_request`, `invalid_target`...) gives the same answer next time.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof TokenNetworkError || error instanceof TokenTimeoutError) return true;
  if (error instanceof TokenOAuthError || error instanceof TokenHttpError) {
    return error.status >= 500 || error.status === 429;
  }
  return false;
}

/**
 * Delay before attempt `attempt + 1`: the server's `Retry-After` when it sent one, otherwise
 * exponential backoff with full jitter (a random delay up to the capped exponential), which keeps
 * many clients from retrying in lock-step after an outage.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
): number {
  const retryAfterMs = (error as { retryAfterMs?: unknown }).retryAfterMs;
  if (typeof retryAfterMs === 'number') return retryAfterMs;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** Parses `Retry-After` (RFC 9110: delay in seconds or an HTTP date) into ms from `now`. */
export function parseRetryAfter(header: string | undefined, now: number): number | undefined {
  if (header === undefined) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
