import { createPublicKey, type KeyObject } from 'node:crypto';
import { KeysUnavailableError } from './errors.js';
import type { PublishedKey, SigningKeySource } from './jwks-source.js';
import { RefetchPolicy } from './refetch-policy.js';
import type { ResolvedApiAccessOptions } from './resolve-options.js';
import { TokenKidMissingError, TokenKidUnknownError } from './token-errors.js';

interface KnownKey {
  readonly kid: string | undefined;
  readonly pem: string;
  readonly key: KeyObject;
}

/** What `/health` reports: `fresh`, `stale` since an outage began, or `unavailable`. */
export type KeySetState =
  | { readonly status: 'fresh'; readonly keys: number; readonly fetchedAt: number }
  | {
      readonly status: 'stale';
      readonly keys: number;
      readonly fetchedAt: number;
      /** When fetching started to fail, ms. */
      readonly since: number;
      readonly problem: string;
    }
  | {
      readonly status: 'unavailable';
      /** When fetching started to fail, ms; undefined before the first fetch. */
      readonly since: number | undefined;
      readonly problem: string;
    };

type KeySetOptions = Pick<
  ResolvedApiAccessOptions,
  | 'jwksRefetchIntervalSec'
  | 'jwksRequestsPerMinute'
  | 'jwksRefreshIntervalSec'
  | 'staleKeyMaxAgeSec'
  | 'retryAfterSec'
  | 'clock'
  | 'scheduler'
  | 'logger'
> &
  Partial<Pick<ResolvedApiAccessOptions, 'observer'>>;

/**
 * The SSO's signing keys as KeyObjects (a PEM is parsed once per key, never per request).
 *
 * - A known `kid` is answered from memory: no flood of other requests ever slows it.
 * - An unknown `kid` waits for the next fetch the RefetchPolicy allows, shared by every request
 *   that waits (single-flight): a flood delays that fetch, it cannot cancel it.
 * - The whole set is fetched again one `jwksRefreshIntervalSec` after every fetch, so a key the
 *   SSO stops publishing is gone within that interval; `onRetired` hears which `kid`s went.
 * - When a fetch fails, the last good set is served for `staleKeyMaxAgeSec` (stale-on-outage).
 */
export class KeySet {
  private keys: readonly KnownKey[] = [];
  private byKid = new Map<string, KnownKey>();
  private fetchedAt: number | undefined;
  private failure: { readonly since: number; readonly problem: string } | undefined;
  private next: Promise<void> | undefined;
  private cancelWait: (() => void) | undefined;
  private cancelRefresh: (() => void) | undefined;
  private closed = false;
  private readonly policy: RefetchPolicy;

  constructor(
    private readonly source: SigningKeySource,
    private readonly options: KeySetOptions,
    private readonly onRetired: (kids: ReadonlySet<string | undefined>) => void = () => undefined,
  ) {
    this.policy = new RefetchPolicy(
      options.jwksRefetchIntervalSec * 1000,
      options.jwksRequestsPerMinute,
    );
  }

  /** The key for `kid`; a token without `kid` gets the only key when the set has exactly one. */
  async get(kid: string | undefined): Promise<KeyObject> {
    const known = this.lookup(kid);
    if (known !== undefined) return known;
    // A kid-less token cannot name a key to look for, so it never causes a fetch of its own.
    if (kid !== undefined || this.fetchedAt === undefined) await this.refresh();
    return this.lookup(kid) ?? this.refuse(kid);
  }

  /** The next allowed fetch, shared by every caller until it completes. */
  refresh(): Promise<void> {
    this.next ??= this.fetchWhenAllowed().finally(() => {
      this.next = undefined;
    });
    return this.next;
  }

  state(): KeySetState {
    const failure = this.failure;
    if (this.fetchedAt !== undefined && this.usable()) {
      const fresh = { keys: this.keys.length, fetchedAt: this.fetchedAt };
      return failure === undefined
        ? { status: 'fresh', ...fresh }
        : { status: 'stale', ...fresh, since: failure.since, problem: failure.problem };
    }
    return {
      status: 'unavailable',
      since: failure?.since,
      problem: failure?.problem ?? 'the key set has not been fetched yet',
    };
  }

  /** Stops the background refresh and any scheduled fetch (waiting lookups are answered). */
  close(): void {
    this.closed = true;
    this.cancelRefresh?.();
    this.cancelWait?.();
  }

  private lookup(kid: string | undefined): KeyObject | undefined {
    if (!this.usable()) return undefined;
    if (kid === undefined) return this.keys.length === 1 ? this.keys[0]?.key : undefined;
    return this.byKid.get(kid)?.key;
  }

  private usable(): boolean {
    if (this.fetchedAt === undefined) return false;
    if (this.failure === undefined) return true;
    return this.options.clock() - this.fetchedAt <= this.options.staleKeyMaxAgeSec * 1000;
  }

  private refuse(kid: string | undefined): never {
    const { failure, options } = this;
    if (!this.usable() || (kid !== undefined && failure !== undefined)) {
      // Not the token's fault: the JWKS could not be asked. 503, so callers retry.
      const reason = failure?.problem ?? 'the key set has not been fetched';
      throw new KeysUnavailableError(`signing keys unavailable: ${reason}`, options.retryAfterSec);
    }
    if (kid === undefined) {
      throw new TokenKidMissingError(
        `header has no kid and the JWKS has ${this.keys.length} keys to choose from`,
      );
    }
    throw new TokenKidUnknownError('kid is not in the JWKS');
  }

  private async fetchWhenAllowed(): Promise<void> {
    const delay = this.policy.delay(this.options.clock());
    if (delay > 0 && !(await this.wait(delay))) return;
    if (this.closed) return;
    await this.fetch();
  }

  /** Resolves true after `ms`, or false at once if the key set is closed meanwhile. */
  private wait(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const cancel = this.options.scheduler(ms, () => {
        this.cancelWait = undefined;
        resolve(true);
      });
      this.cancelWait = () => {
        cancel();
        resolve(false);
      };
    });
  }

  private async fetch(): Promise<void> {
    const started = this.options.clock();
    this.policy.started(started);
    this.scheduleRefresh();
    try {
      this.replace(await this.source.getSigningKeys());
      this.fetchedAt = started;
      this.failure = undefined;
      this.options.observer?.jwksFetch?.('ok');
    } catch (error) {
      this.options.observer?.jwksFetch?.('error');
      const problem = error instanceof Error ? error.message : String(error);
      if (this.failure === undefined && this.fetchedAt !== undefined) {
        // One warning per outage: until it ends every refresh would repeat it.
        this.options.logger.warn(`${problem}; serving the last good key set`);
      }
      this.failure = { since: this.failure?.since ?? started, problem };
    }
  }

  private scheduleRefresh(): void {
    this.cancelRefresh?.();
    if (this.closed) return;
    this.cancelRefresh = this.options.scheduler(this.options.jwksRefreshIntervalSec * 1000, () => {
      this.cancelRefresh = undefined;
      void this.refresh();
    });
  }

  private replace(published: readonly PublishedKey[]): void {
    const next = published.map((entry): KnownKey => {
      const pem = entry.getPublicKey();
      const same = this.keys.find((known) => known.kid === entry.kid && known.pem === pem);
      return same ?? { kid: entry.kid, pem, key: createPublicKey(pem) };
    });
    const retired = new Set(this.keys.filter((key) => !next.includes(key)).map((key) => key.kid));
    this.keys = next;
    this.byKid = new Map(next.flatMap((key) => (key.kid === undefined ? [] : [[key.kid, key]])));
    if (retired.size > 0) this.onRetired(retired);
  }
}
