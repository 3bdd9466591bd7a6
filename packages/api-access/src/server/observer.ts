import type { RefusalKind } from './errors.js';
import type { KeySetState } from './key-set.js';

/** What a guard decided, as operators count it: 401/400, 403, 503, or let through. */
export type AccessOutcome = 'allowed' | 'unauthenticated' | 'forbidden' | 'unavailable';

/** A route as metrics and logs name it; built once per route, then shared by its decisions. */
export interface DecisionRoute {
  /** HTTP method, e.g. `GET`. */
  readonly method: string;
  /** The router's template, e.g. `/reports/:id`: bounded, unlike the request path. */
  readonly route: string;
  /** Roles the route asks for (any of `@Roles`, then all of `@RequireAllRoles`). */
  readonly requiredRoles: readonly string[];
}

/** One access decision. Never holds the token: only what a log line or a counter needs. */
export interface AccessDecision {
  readonly route: DecisionRoute;
  readonly outcome: AccessOutcome;
  /** The refusal's stable `ERR_*` code; `''` when allowed. */
  readonly code: string;
  /** The verified caller's client id; undefined when no token was accepted. */
  readonly caller: string | undefined;
  /** Whether the verified-token cache answered (no signature check), else `miss`. */
  readonly cache: 'hit' | 'miss';
  /** Time spent verifying and authorizing, in seconds. */
  readonly seconds: number;
}

/**
 * Hooks for metrics and logs, called synchronously on the request path: keep them cheap and
 * never throw. Every method is optional. `@cern-sso/api-access/metrics` has a prom-client one.
 */
export interface ApiAccessObserver {
  /** After each decision on a guarded route (public routes are not decisions). */
  decision?(decision: AccessDecision): void;
  /** After each JWKS fetch: `ok`, or `error` when the last good key set (if any) stays. */
  jwksFetch?(result: 'ok' | 'error'): void;
  /** Once, by the verifier: how to read its key set's state (metrics read it when scraped). */
  keySet?(state: () => KeySetState): void;
}

/** One observer that tells each of `observers` in turn, e.g. metrics and a decision log. */
export function combineObservers(...observers: readonly ApiAccessObserver[]): ApiAccessObserver {
  return {
    decision: (decision) => {
      for (const observer of observers) observer.decision?.(decision);
    },
    jwksFetch: (result) => {
      for (const observer of observers) observer.jwksFetch?.(result);
    },
    keySet: (state) => {
      for (const observer of observers) observer.keySet?.(state);
    },
  };
}

const OUTCOMES: Readonly<Record<RefusalKind, AccessOutcome>> = {
  missing_token: 'unauthenticated',
  invalid_request: 'unauthenticated',
  invalid_token: 'unauthenticated',
  insufficient_scope: 'forbidden',
  keys_unavailable: 'unavailable',
};

/** The outcome a refusal of this kind counts as. */
export function outcomeOf(kind: RefusalKind): AccessOutcome {
  return OUTCOMES[kind];
}
