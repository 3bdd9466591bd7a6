import { Counter, Gauge, Histogram, register, type Registry } from 'prom-client';
import { InvalidOptionError } from '../errors/api-access-error.js';
import type { KeySetState } from '../server/key-set.js';
import type { AccessDecision, ApiAccessObserver, DecisionRoute } from '../server/observer.js';
import { CappedLabel } from './capped-label.js';

export interface GuardMetricsOptions {
  /** Where the collectors are registered. Default: prom-client's global `register`. */
  registry?: Registry;
  /** Distinct caller client ids counted by name; later ones count as `other`. Default 50. */
  maxCallers?: number;
  /** Current time in ms, for the key set's age. Default `Date.now`. */
  clock?: () => number;
}

type DecisionChild = ReturnType<Counter<string>['labels']>;

// Verification takes microseconds from the cache and milliseconds for an RSA check or a JWKS wait.
const VERIFICATION_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.05, 0.25, 1];

/**
 * The guard's Prometheus metrics, as an `ApiAccessObserver`: pass it as the `observer` option.
 * Counter children are kept per route, code and caller, so a decision costs map lookups and an
 * increment, never a label string.
 */
export class ApiAccessGuardMetrics implements ApiAccessObserver {
  private readonly decisions: Counter<string>;
  private readonly verification: {
    hit: Histogram.Internal<string>;
    miss: Histogram.Internal<string>;
  };
  private readonly jwksFetches: { ok: DecisionChild; error: DecisionChild };
  private readonly callers: CappedLabel;
  private readonly children = new WeakMap<DecisionRoute, Map<string, Map<string, DecisionChild>>>();
  private state: (() => KeySetState) | undefined;

  constructor(options: GuardMetricsOptions = {}) {
    const registers = [options.registry ?? register];
    const maxCallers = options.maxCallers ?? 50;
    if (!Number.isInteger(maxCallers) || maxCallers < 0) {
      throw new InvalidOptionError('maxCallers', `expected an integer >= 0, got ${maxCallers}`);
    }
    const clock = options.clock ?? Date.now;
    this.callers = new CappedLabel(maxCallers);
    this.decisions = new Counter({
      name: 'api_access_guard_decisions_total',
      help: 'Access decisions on guarded routes, by outcome, refusal code, route and caller.',
      labelNames: ['outcome', 'code', 'method', 'route', 'caller'],
      registers,
    });
    const histogram = new Histogram({
      name: 'api_access_guard_verification_seconds',
      help: 'Time to verify and authorize a token, by whether the verified-token cache answered.',
      labelNames: ['cache'],
      buckets: VERIFICATION_BUCKETS,
      registers,
    });
    this.verification = { hit: histogram.labels('hit'), miss: histogram.labels('miss') };
    const fetches = new Counter({
      name: 'api_access_jwks_fetches_total',
      help: 'JWKS fetches by result.',
      labelNames: ['result'],
      registers,
    });
    this.jwksFetches = { ok: fetches.labels('ok'), error: fetches.labels('error') };
    const read = () => this.state?.();
    new Gauge({
      name: 'api_access_jwks_key_set_age_seconds',
      help: 'Time since the key set in use was fetched; NaN while no key set is usable.',
      registers,
      collect() {
        const state = read();
        this.set(
          state === undefined || state.status === 'unavailable'
            ? Number.NaN
            : (clock() - state.fetchedAt) / 1000,
        );
      },
    });
    new Gauge({
      name: 'api_access_jwks_stale',
      help: '1 while the JWKS cannot be fetched and the last good key set is served, else 0.',
      registers,
      collect() {
        this.set(read()?.status === 'stale' ? 1 : 0);
      },
    });
  }

  decision(decision: AccessDecision): void {
    this.verification[decision.cache].observe(decision.seconds);
    this.child(decision).inc();
  }

  jwksFetch(result: 'ok' | 'error'): void {
    this.jwksFetches[result].inc();
  }

  keySet(state: () => KeySetState): void {
    this.state = state;
  }

  private child({ route, code, outcome, caller }: AccessDecision): DecisionChild {
    let byCode = this.children.get(route);
    if (byCode === undefined) {
      byCode = new Map();
      this.children.set(route, byCode);
    }
    // A code belongs to one outcome, so it keys both.
    let byCaller = byCode.get(code);
    if (byCaller === undefined) {
      byCaller = new Map();
      byCode.set(code, byCaller);
    }
    // Keyed by the capped label, never by the raw client id: a flood of ids adds no entry.
    const label = caller === undefined ? 'unknown' : this.callers.of(caller);
    let child = byCaller.get(label);
    if (child === undefined) {
      child = this.decisions.labels({
        outcome,
        code: code === '' ? 'none' : code,
        method: route.method,
        route: route.route,
        caller: label,
      });
      byCaller.set(label, child);
    }
    return child;
  }
}
