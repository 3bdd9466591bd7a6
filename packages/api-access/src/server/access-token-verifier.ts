import type { KeyObject } from 'node:crypto';
import { checkClaims, checkTimeClaims } from './claims.js';
import { decodeToken, isJsonObject } from './decode-token.js';
import { JwksSource, type SigningKeySource } from './jwks-source.js';
import { KeySet, type KeySetState } from './key-set.js';
import type { ApiAccessOptions } from './options.js';
import { buildPrincipal, type ApiAccessPrincipal } from './principal.js';
import { resolveApiAccessOptions, type ResolvedApiAccessOptions } from './resolve-options.js';
import { readRoles } from './roles-claim.js';
import { checkKeyFitsAlg, verifySignature } from './signature-check.js';
import { VerifiedTokenCache } from './token-cache.js';
import { TokenPayloadNotObjectError } from './token-errors.js';

/**
 * Verifies API Access tokens without any framework: give it a token, get a frozen principal or
 * a RefusalError whose `code` says which check failed. Cheap checks run first (structure,
 * `alg`, `crit`, `kid`, `iss`, `aud`, time), then the key lookup and the signature.
 *
 * `verify` does it all; the passport strategy (ApiAccessStrategy) uses the same steps through
 * passport-jwt: `keyFor` as its `secretOrKeyProvider`, jsonwebtoken for the signature, and
 * `acceptVerified` for the principal. Call `close()` when done: the key set refreshes itself.
 */
export class AccessTokenVerifier {
  readonly options: ResolvedApiAccessOptions;
  private readonly keys: KeySet;
  private readonly cache: VerifiedTokenCache;

  /** `keySource` replaces the JWKS (tests, or keys from elsewhere). */
  constructor(options: ApiAccessOptions, keySource?: SigningKeySource) {
    this.options = resolveApiAccessOptions(options);
    this.cache = new VerifiedTokenCache(
      this.options.tokenCacheMaxEntries,
      this.options.tokenCacheMaxAgeSec,
    );
    this.keys = new KeySet(keySource ?? new JwksSource(this.options), this.options, (kids) =>
      this.cache.forgetKids(kids),
    );
    this.options.observer?.keySet?.(() => this.keys.state());
  }

  async verify(token: string): Promise<ApiAccessPrincipal> {
    const cached = this.cached(token);
    if (cached !== undefined) return cached;
    const key = await this.keyFor(token);
    return this.acceptVerified(token, verifySignature(token, key, this.options.algorithms));
  }

  /**
   * The principal of this exact token if it was verified recently, else undefined: the fast
   * path a guard takes before passport. Throws TokenExpiredError once the token has expired.
   */
  cached(token: string): ApiAccessPrincipal | undefined {
    const nowSec = Math.floor(this.options.clock() / 1000);
    const principal = this.cache.get(token, nowSec);
    if (principal !== undefined)
      checkTimeClaims(principal.claims, this.options.clockToleranceSec, nowSec);
    return principal;
  }

  /** Every check but the signature, then the signing key for the token's `kid`. */
  async keyFor(token: string): Promise<KeyObject> {
    const decoded = decodeToken(token, this.options);
    checkClaims(decoded.payload, this.options, Math.floor(this.options.clock() / 1000));
    const key = await this.keys.get(decoded.kid);
    checkKeyFitsAlg(decoded.alg, key);
    return key;
  }

  /**
   * The principal from the payload of `token` whose signature was verified with the key from
   * `keyFor` (passport-jwt hands it over after jsonwebtoken's check), remembered for `cached`.
   * Never call it with a payload that was not verified.
   */
  acceptVerified(token: string, payload: unknown): ApiAccessPrincipal {
    if (!isJsonObject(payload))
      throw new TokenPayloadNotObjectError('payload is not a JSON object');
    const { rolesClaimPath, isApplication, clock } = this.options;
    const claims = Object.freeze(payload);
    const principal = buildPrincipal(claims, readRoles(claims, rolesClaimPath), isApplication);
    this.cache.set(token, principal, Math.floor(clock() / 1000));
    return principal;
  }

  /** Whether the key set is fresh, stale (the JWKS fails; last good keys served) or unavailable. */
  keySetState(): KeySetState {
    return this.keys.state();
  }

  /** Fetches the key set now, or shares the next allowed fetch; resolves with the new state. */
  async refreshKeys(): Promise<KeySetState> {
    await this.keys.refresh();
    return this.keys.state();
  }

  /** Stops the background refresh (its timers never hold a process open anyway). */
  close(): void {
    this.keys.close();
  }
}
