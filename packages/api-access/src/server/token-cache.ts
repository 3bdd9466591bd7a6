import { kidOf } from './decode-token.js';
import type { ApiAccessPrincipal } from './principal.js';

interface Entry {
  readonly principal: ApiAccessPrincipal;
  readonly until: number;
}

/**
 * Verified tokens by their exact text. Callers reuse one token for its whole lifetime (20 min at
 * CERN), so remembering the outcome turns the RSA check into a map lookup on repeat requests.
 * Safe because the key is the whole signed string; entries end at the earlier of `maxAgeSec`
 * and the token's `exp`, and time claims are re-checked by the verifier on every hit.
 * Bounded: when full, the oldest entry goes (Map keeps insertion order).
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries: number,
    private readonly maxAgeSec: number,
  ) {}

  get(token: string, nowSec: number): ApiAccessPrincipal | undefined {
    const entry = this.entries.get(token);
    if (entry === undefined) return undefined;
    if (nowSec < entry.until) return entry.principal;
    this.entries.delete(token);
    return undefined;
  }

  /**
   * Drops the tokens signed by keys the SSO no longer publishes; a token without `kid` used
   * whichever key was the only one, so it goes whenever any key does. The `kid` is read from
   * each token here, not stored at `set`: keys retire a few times a year, tokens arrive on every
   * request.
   */
  forgetKids(kids: ReadonlySet<string | undefined>): void {
    for (const token of this.entries.keys()) {
      const kid = kidOf(token);
      if (kid === undefined || kids.has(kid)) this.entries.delete(token);
    }
  }

  set(token: string, principal: ApiAccessPrincipal, nowSec: number): void {
    if (this.maxEntries === 0 || this.maxAgeSec === 0) return;
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
    this.entries.set(token, {
      principal,
      until: Math.min(nowSec + this.maxAgeSec, principal.expiresAt),
    });
  }
}
