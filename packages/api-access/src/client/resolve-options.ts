import axios from 'axios';
import { InvalidOptionError } from '../errors/api-access-error.js';
import { axiosTokenHttp, isAxiosInstance } from './http.js';
import {
  DEFAULT_REFRESH,
  DEFAULT_RETRY,
  DEFAULT_TIMEOUT_MS,
  type ResolvedTokenClientOptions,
  type TokenClientOptions,
} from './options.js';

/** Validates every option once, at construction, and fills in defaults. */
export function resolveOptions(options: TokenClientOptions): ResolvedTokenClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', `expected an object, got ${describeValue(options)}`);
  }
  const retry = withDefaults(DEFAULT_RETRY, options.retry);
  const refresh = withDefaults(DEFAULT_REFRESH, options.refresh);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  requireUrl('tokenEndpoint', options.tokenEndpoint);
  requireString('clientId', options.clientId);
  requireString('clientSecret', options.clientSecret, { secret: true });
  const clientAuthentication = options.clientAuthentication ?? 'client_secret_post';
  if (
    clientAuthentication !== 'client_secret_post' &&
    clientAuthentication !== 'client_secret_basic'
  ) {
    throw new InvalidOptionError(
      'clientAuthentication',
      `expected "client_secret_post" or "client_secret_basic", got ${describeValue(clientAuthentication)}`,
    );
  }
  requireNumber('timeoutMs', timeoutMs, { min: 1 });
  requireNumber('retry.maxAttempts', retry.maxAttempts, { min: 1, integer: true });
  requireNumber('retry.baseDelayMs', retry.baseDelayMs, { min: 0 });
  requireNumber('retry.maxDelayMs', retry.maxDelayMs, { min: retry.baseDelayMs });
  requireNumber('retry.maxTotalMs', retry.maxTotalMs, { min: 1 });
  requireNumber('refresh.lifetimeFraction', refresh.lifetimeFraction, {
    min: Number.MIN_VALUE,
    max: 1,
  });
  requireNumber('refresh.minRemainingMs', refresh.minRemainingMs, { min: 0 });
  requireNumber('refresh.retryDelayMs', refresh.retryDelayMs, { min: 0 });
  for (const name of ['clock', 'sleep', 'random', 'onRefreshError'] as const) {
    const value: unknown = options[name];
    if (value !== undefined && typeof value !== 'function') {
      throw new InvalidOptionError(name, `expected a function, got ${describeValue(value)}`);
    }
  }
  if (options.http !== undefined && typeof options.http !== 'function') {
    throw new InvalidOptionError(
      'http',
      `expected an axios instance or a function, got ${describeValue(options.http)}`,
    );
  }

  return {
    tokenEndpoint: options.tokenEndpoint,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuthentication,
    timeoutMs,
    retry,
    refresh,
    http: resolveHttp(options.http),
    clock: options.clock ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    onRefreshError: options.onRefreshError ?? (() => {}),
  };
}

/** Fields left out or set to `undefined` (e.g. from an unset variable) take their default. */
function withDefaults<T extends object>(defaults: T, given: Partial<T> | undefined): T {
  const set = Object.entries(given ?? {}).filter(([, value]) => value !== undefined);
  return { ...defaults, ...Object.fromEntries(set) };
}

function resolveHttp(http: TokenClientOptions['http']): ResolvedTokenClientOptions['http'] {
  if (http === undefined) return axiosTokenHttp(axios.create());
  return isAxiosInstance(http) ? axiosTokenHttp(http) : http;
}

function requireUrl(option: string, value: unknown): void {
  const url = typeof value === 'string' && URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new InvalidOptionError(option, `expected an http(s) URL, got ${describeValue(value)}`);
  }
}

function requireString(option: string, value: unknown, { secret = false } = {}): void {
  if (typeof value !== 'string' || value.trim() === '') {
    // A secret's value is never echoed, not even a malformed one: only what kind of value it was.
    const shown =
      secret && typeof value === 'string'
        ? 'a blank string'
        : secret
          ? typeof value
          : describeValue(value);
    throw new InvalidOptionError(option, `expected a non-empty string, got ${shown}`);
  }
}

function requireNumber(
  option: string,
  value: unknown,
  rule: { min: number; max?: number; integer?: boolean },
): void {
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= rule.min &&
    value <= (rule.max ?? Infinity) &&
    (!rule.integer || Number.isInteger(value));
  if (!ok) {
    const kind = rule.integer ? 'an integer' : 'a number';
    const range = rule.max === undefined ? `>= ${rule.min}` : `in (0, ${rule.max}]`;
    throw new InvalidOptionError(option, `expected ${kind} ${range}, got ${describeValue(value)}`);
  }
}

/** Shows a bad value briefly: strings quoted and cut, everything else by type or value. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}...` : value);
  if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null ||
    value === undefined
  ) {
    return String(value);
  }
  return typeof value;
}
