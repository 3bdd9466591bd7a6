import { createPublicKey, type KeyObject } from 'node:crypto';
import { KeysUnavailableError } from './errors.js';
import type { SigningKeySource } from './jwks-source.js';
import type { ResolvedApiAccessOptions } from './resolve-options.js';
import { TokenKidUnknownError } from './token-errors.js';

interface KnownKey {
  readonly pem: string;
  readonly key: KeyObject;
  /** When the JWKS last confirmed this key, ms (injected clock). */
  confirmedAt: number;
}

type ResolverOptions = Pick<
  ResolvedApiAccessOptions,
  'jwksUri' | 'staleKeyMaxAgeSec' | 'retryAfterSec' | 'clock' | 'logger' | 'jwksCacheMaxEntries'
>;

/**
 * Signing keys by `kid`, as parsed KeyObjects. Parsing a PEM costs several times an RS256 check,
 * so each key is parsed once and reused for as long as the JWKS serves the same PEM.
 *
 * Refusals are told apart because callers react differently: a `kid` absent from a JWKS we could
 * read is the token's fault (401, TokenKidUnknownError); a JWKS we could not read and no key to
 * fall back on is ours (503, KeysUnavailableError, so callers retry rather than refetch tokens).
 * While the endpoint is down, a key confirmed within `staleKeyMaxAgeSec` is still served.
 */
export class KeyResolver {
  private readonly known = new Map<string, KnownKey>();
  private endpointDown = false;
  // One warning per outage: every token not yet verified would otherwise log one.
  private staleWarned = false;

  constructor(
    private readonly source: SigningKeySource,
    private readonly options: ResolverOptions,
  ) {}

  async getKey(kid: string): Promise<KeyObject> {
    let pem: string;
    try {
      pem = (await this.source.getSigningKey(kid)).getPublicKey();
    } catch (error) {
      return this.fallback(kid, error);
    }
    this.endpointDown = false;
    this.staleWarned = false;
    return this.remember(kid, pem);
  }

  private remember(kid: string, pem: string): KeyObject {
    const now = this.options.clock();
    const known = this.known.get(kid);
    if (known !== undefined && known.pem === pem) {
      known.confirmedAt = now;
      return known.key;
    }
    if (this.known.size >= this.options.jwksCacheMaxEntries * 2) {
      const oldest = this.known.keys().next();
      if (oldest.done !== true) this.known.delete(oldest.value);
    }
    const key = createPublicKey(pem);
    this.known.set(kid, { pem, key, confirmedAt: now });
    return key;
  }

  private fallback(kid: string, error: unknown): KeyObject {
    const name = error instanceof Error ? error.name : '';
    if (name === 'SigningKeyNotFoundError') {
      // The JWKS answered without this kid: a key removed by the SSO must stop working now.
      this.endpointDown = false;
      this.known.delete(kid);
      throw new TokenKidUnknownError('kid is not in the JWKS', { cause: error });
    }
    if (name !== 'JwksRateLimitError') this.endpointDown = true;

    const stale = this.known.get(kid);
    const maxAgeMs = this.options.staleKeyMaxAgeSec * 1000;
    if (stale !== undefined && this.options.clock() - stale.confirmedAt <= maxAgeMs) {
      if (this.endpointDown && !this.staleWarned) {
        this.staleWarned = true;
        this.options.logger.warn(`JWKS ${this.options.jwksUri} unreachable; serving cached keys`);
      }
      return stale.key;
    }
    if (!this.endpointDown) {
      // Rate-limited while the JWKS is reachable: a burst of unknown kids, not an outage.
      throw new TokenKidUnknownError('kid is not in the JWKS (refetch rate-limited)', {
        cause: error,
      });
    }
    const reason = error instanceof Error ? error.message : String(error);
    throw new KeysUnavailableError(
      `signing keys unavailable: JWKS ${this.options.jwksUri} failed (${reason})`,
      this.options.retryAfterSec,
      { cause: error },
    );
  }
}
