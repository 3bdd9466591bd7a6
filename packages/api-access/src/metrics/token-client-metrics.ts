import { Counter, Gauge, register, type Registry } from 'prom-client';
import type { TokenClientObserver, TokenRequestEvent } from '../client/observer.js';

export interface TokenClientMetricsOptions {
  /** Where the collectors are registered. Default: prom-client's global `register`. */
  registry?: Registry;
  /** Current time in ms, for the time left on each token. Default `Date.now`. */
  clock?: () => number;
}

type Child = ReturnType<Counter<string>['labels']>;

/**
 * The token client's Prometheus metrics, as a `TokenClientObserver`: pass it as the `observer`
 * option. Audiences come from the app's configuration, so they are a bounded label.
 */
export class TokenClientMetrics implements TokenClientObserver {
  private readonly requests: Counter<string>;
  private readonly hits: PerAudience;
  private readonly shared: PerAudience;
  private readonly retries: PerAudience;
  private readonly expiresAt = new Map<string, number>();

  constructor(options: TokenClientMetricsOptions = {}) {
    const registers = [options.registry ?? register];
    const clock = options.clock ?? Date.now;
    const counter = (name: string, help: string) =>
      new PerAudience(new Counter({ name, help, labelNames: ['audience'], registers }));
    this.requests = new Counter({
      name: 'api_access_token_requests_total',
      help: 'Requests to the token endpoint (retries included), by audience and result.',
      labelNames: ['audience', 'result'],
      registers,
    });
    this.hits = counter('api_access_token_cache_hits_total', 'Tokens served from the cache.');
    this.shared = counter(
      'api_access_token_shared_requests_total',
      'Token requests that joined one already in flight for the same audience.',
    );
    this.retries = counter(
      'api_access_token_retries_total',
      'Attempts retried after a transient failure (network, timeout, 5xx, 429).',
    );
    const expiresAt = this.expiresAt;
    new Gauge({
      name: 'api_access_token_expiry_seconds',
      help: 'Time until the cached token for the audience expires (0 once expired).',
      labelNames: ['audience'],
      registers,
      collect() {
        const now = clock();
        for (const [audience, at] of expiresAt)
          this.set({ audience }, Math.max(0, (at - now) / 1000));
      },
    });
  }

  cacheHit(audience: string): void {
    this.hits.of(audience).inc();
  }

  sharedRequest(audience: string): void {
    this.shared.of(audience).inc();
  }

  retry(audience: string): void {
    this.retries.of(audience).inc();
  }

  tokenRequest({ audience, result, expiresAt }: TokenRequestEvent): void {
    this.requests.labels({ audience, result }).inc();
    if (expiresAt !== undefined) this.expiresAt.set(audience, expiresAt);
  }
}

/** A counter's child per audience, made once. */
class PerAudience {
  private readonly children = new Map<string, Child>();

  constructor(private readonly counter: Counter<string>) {}

  of(audience: string): Child {
    let child = this.children.get(audience);
    if (child === undefined) {
      child = this.counter.labels({ audience });
      this.children.set(audience, child);
    }
    return child;
  }
}
