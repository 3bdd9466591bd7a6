import type { ApiAccessError } from '../errors/api-access-error.js';
import type { ResolvedTokenClientOptions } from './options.js';
import { isRetryable, retryDelayMs } from './retry.js';
import { requestToken } from './token-request.js';
import type { TokenResponse } from './token-response.js';

/** A token and the time its request was sent: its lifetime counts from then, never from later. */
export interface FetchedToken extends TokenResponse {
  requestedAt: number;
}

/**
 * Fetches a token, retrying transient failures within `retry.maxAttempts` and `retry.maxTotalMs`.
 * Throws the last attempt's error: it says what actually went wrong.
 */
export async function fetchToken(
  options: ResolvedTokenClientOptions,
  audience: string,
): Promise<FetchedToken> {
  const { clock, retry } = options;
  const startedAt = clock();
  for (let attempt = 1; ; attempt++) {
    const requestedAt = clock();
    // No attempt may outlive the total budget.
    const timeoutMs = Math.max(
      1,
      Math.min(options.timeoutMs, startedAt + retry.maxTotalMs - requestedAt),
    );
    try {
      return { ...(await requestToken(options, audience, timeoutMs)), requestedAt };
    } catch (error) {
      if (!isRetryable(error) || attempt >= retry.maxAttempts) throw error;
      const delayMs = retryDelayMs(error, attempt, retry, options.random);
      if (clock() + delayMs - startedAt >= retry.maxTotalMs) throw error;
      options.observer.retry?.(audience, error as ApiAccessError, delayMs);
      await options.sleep(delayMs);
    }
  }
}
