const MINUTE_MS = 60_000;

/**
 * When the next JWKS fetch may start: at least `minIntervalMs` after the previous one and at most
 * `perMinute` starts in any 60 s window. Callers that must wait share one scheduled fetch (see
 * KeySet), so a flood of unknown `kid`s delays a fetch but can never use up the budget and
 * lock a new key out: the next allowed fetch always happens.
 */
export class RefetchPolicy {
  private readonly starts: number[] = [];

  constructor(
    private readonly minIntervalMs: number,
    private readonly perMinute: number,
  ) {}

  /** Milliseconds from `now` until a fetch may start; 0 when one may start now. */
  delay(now: number): number {
    while (this.starts.length > 0 && (this.starts[0] as number) <= now - MINUTE_MS) {
      this.starts.shift();
    }
    let at = now;
    const last = this.starts.at(-1);
    if (last !== undefined) at = Math.max(at, last + this.minIntervalMs);
    if (this.starts.length >= this.perMinute) {
      at = Math.max(at, (this.starts[this.starts.length - this.perMinute] as number) + MINUTE_MS);
    }
    return at - now;
  }

  /** Records a fetch that starts at `now`. */
  started(now: number): void {
    this.starts.push(now);
  }

  /** When the last fetch started, or undefined before the first. */
  get lastStart(): number | undefined {
    return this.starts.at(-1);
  }
}
