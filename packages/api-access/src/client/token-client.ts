import { ApiAccessError, InvalidOptionError } from '../errors/api-access-error.js';
import { cacheToken, type CachedToken } from './cached-token.js';
import { fetchToken } from './fetch-token.js';
import type { ResolvedTokenClientOptions, TokenClientOptions } from './options.js';
import { describeValue } from '../options/option-checks.js';
import { resolveOptions } from './resolve-options.js';

/**
 * Gets CERN SSO API Access tokens for this application, one cached token per audience.
 *
 * @example
 * const client = new TokenClient({ tokenEndpoint, clientId, clientSecret });
 * const token = await client.getToken('target-api');
 */
export class TokenClient {
  readonly #options: ResolvedTokenClientOptions;
  readonly #cache = new Map<string, CachedToken>();
  /** One pending fetch per audience, shared by every caller that needs it. */
  readonly #inFlight = new Map<string, Promise<CachedToken>>();

  /** @throws {InvalidOptionError} naming the option and the bad value. */
  constructor(options: TokenClientOptions) {
    this.#options = resolveOptions(options);
  }

  /**
   * A valid access token for `audience` (the target's client id, or its resource URI when
   * `targetParameters` includes `resource`). Served from the cache while valid; once its refresh
   * point has passed, one background refresh runs and callers keep the current token meanwhile.
   * Only a caller that finds no valid token waits, and concurrent ones wait for the same request.
   */
  async getToken(audience: string): Promise<string> {
    this.#checkAudience(audience);
    const now = this.#options.clock();
    const cached = this.#cache.get(audience);
    if (cached && now < cached.expiresAt) {
      if (now >= cached.refreshAt) this.#refreshInBackground(audience, cached);
      this.#options.observer.cacheHit?.(audience);
      return cached.accessToken;
    }
    if (this.#inFlight.has(audience)) this.#options.observer.sharedRequest?.(audience);
    return (await this.#fetchShared(audience)).accessToken;
  }

  /**
   * Drops the cached token for `audience`, e.g. after the target answered 401. With `token`, only
   * if the cache still holds that token: many requests rejected with one stale token then cause
   * one new fetch, not one each.
   */
  invalidate(audience: string, token?: string): void {
    if (token === undefined || this.#cache.get(audience)?.accessToken === token) {
      this.#cache.delete(audience);
    }
  }

  #checkAudience(audience: unknown): void {
    if (typeof audience !== 'string' || audience.trim() === '') {
      throw new InvalidOptionError(
        'audience',
        `expected the target's client id, got ${describeValue(audience)}`,
      );
    }
    // RFC 8707 section 2: an absolute URI without a fragment. Caught here, not by the SSO.
    if (this.#options.targetParameters.includes('resource') && !isResourceUri(audience)) {
      throw new InvalidOptionError(
        'audience',
        `expected an absolute URI without fragment (sent as "resource"), got ${describeValue(audience)}`,
      );
    }
  }

  #fetchShared(audience: string, background = false): Promise<CachedToken> {
    let pending = this.#inFlight.get(audience);
    if (!pending) {
      const { clock, observer } = this.#options;
      const startedAt = clock();
      const report = (result: string, expiresAt?: number) =>
        observer.tokenRequest?.({
          audience,
          result,
          durationMs: clock() - startedAt,
          background,
          expiresAt,
        });
      pending = fetchToken(this.#options, audience)
        .then(
          (token) => {
            const cached = cacheToken(token, this.#options.refresh);
            this.#cache.set(audience, cached);
            report('ok', cached.expiresAt);
            return cached;
          },
          (error: unknown) => {
            report(error instanceof ApiAccessError ? error.code : 'ERR_UNKNOWN');
            throw error;
          },
        )
        // Failures are never cached: the next caller tries again.
        .finally(() => this.#inFlight.delete(audience));
      this.#inFlight.set(audience, pending);
    }
    return pending;
  }

  #refreshInBackground(audience: string, current: CachedToken): void {
    if (this.#inFlight.has(audience)) return;
    this.#fetchShared(audience, true).catch((error: unknown) => {
      // Keep serving the still-valid token, and try again after `refresh.retryDelayMs`.
      if (this.#cache.get(audience) === current) {
        const refreshAt = this.#options.clock() + this.#options.refresh.retryDelayMs;
        this.#cache.set(audience, { ...current, refreshAt });
      }
      if (error instanceof ApiAccessError) this.#options.onRefreshError(error, audience);
    });
  }
}

function isResourceUri(value: string): boolean {
  return URL.canParse(value) && !value.includes('#');
}
