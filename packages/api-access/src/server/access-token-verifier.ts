import { checkClaims, checkTimeClaims } from './claims.js';
import { decodeToken } from './decode-token.js';
import { createJwksSource, type SigningKeySource } from './jwks-source.js';
import { KeyResolver } from './key-resolver.js';
import type { ApiAccessOptions } from './options.js';
import { buildPrincipal, type ApiAccessPrincipal } from './principal.js';
import { resolveApiAccessOptions, type ResolvedApiAccessOptions } from './resolve-options.js';
import { readRoles } from './roles-claim.js';
import { SignatureCheck } from './signature-check.js';
import { VerifiedTokenCache } from './token-cache.js';

/**
 * Verifies API Access tokens without any framework: give it a token, get a frozen principal or
 * a RefusalError whose `code` says which check failed. Cheap checks run first (structure,
 * `alg`, `crit`, `kid`, `iss`, `aud`, time), then the key lookup and the signature.
 */
export class AccessTokenVerifier {
  readonly options: ResolvedApiAccessOptions;
  private readonly keys: KeyResolver;
  private readonly signature: SignatureCheck;
  private readonly cache: VerifiedTokenCache;

  /** `keySource` replaces the JWKS client (tests, or keys from elsewhere). */
  constructor(options: ApiAccessOptions, keySource?: SigningKeySource) {
    this.options = resolveApiAccessOptions(options);
    this.keys = new KeyResolver(keySource ?? createJwksSource(this.options), this.options);
    this.signature = new SignatureCheck(this.options);
    this.cache = new VerifiedTokenCache(
      this.options.tokenCacheMaxEntries,
      this.options.tokenCacheMaxAgeSec,
    );
  }

  async verify(token: string): Promise<ApiAccessPrincipal> {
    const options = this.options;
    const nowSec = Math.floor(options.clock() / 1000);
    const cached = this.cache.get(token, nowSec);
    if (cached !== undefined) {
      checkTimeClaims(cached.claims, options.clockToleranceSec, nowSec);
      return cached;
    }

    const decoded = decodeToken(token, options);
    checkClaims(decoded.payload, options, nowSec);
    const key = await this.keys.getKey(decoded.kid);
    const payload = Object.freeze(await this.signature.verify(token, key));
    const principal = buildPrincipal(payload, readRoles(payload, options.rolesClaimPath));
    this.cache.set(token, principal, nowSec);
    return principal;
  }
}
