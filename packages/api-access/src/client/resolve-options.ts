import axios from 'axios';
import { InvalidOptionError } from '../errors/api-access-error.js';
import { axiosTokenHttp, isAxiosInstance } from './http.js';
import {
  describeRule,
  describeValue,
  isHttpUrl,
  isNumber,
  isText,
  numberOr,
  type NumberRule,
} from './option-checks.js';
import {
  DEFAULT_REFRESH,
  DEFAULT_RETRY,
  DEFAULT_TARGET_PARAMETERS,
  DEFAULT_TIMEOUT_MS,
  type ResolvedTokenClientOptions,
  type TargetParameter,
  type TokenClientOptions,
} from './options.js';

const TARGET_PARAMETERS: readonly TargetParameter[] = ['audience', 'resource'];

/**
 * Validates every option once, at construction, and fills in defaults.
 * @throws {InvalidOptionError} listing every bad option as `<option>: expected <rule>, got <value>`.
 */
export function resolveOptions(options: TokenClientOptions): ResolvedTokenClientOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidOptionError('options', `expected an object, got ${describeValue(options)}`);
  }
  const problems: string[] = [];
  const expect = (option: string, ok: boolean, rule: string, value: unknown) => {
    if (!ok) problems.push(`${option}: expected ${rule}, got ${describeValue(value)}`);
  };
  const retry = withDefaults(DEFAULT_RETRY, options.retry);
  const refresh = withDefaults(DEFAULT_REFRESH, options.refresh);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clientAuthentication = options.clientAuthentication ?? 'client_secret_post';
  const targetParameters = options.targetParameters ?? DEFAULT_TARGET_PARAMETERS;
  const checkTokenAudience = options.checkTokenAudience ?? true;

  expect(
    'tokenEndpoint',
    isHttpUrl(options.tokenEndpoint),
    'an http(s) URL',
    options.tokenEndpoint,
  );
  expect('clientId', isText(options.clientId), 'a non-empty string', options.clientId);
  if (!isText(options.clientSecret)) {
    // A secret's value is never echoed, not even a malformed one: only what kind of value it was.
    const kind =
      typeof options.clientSecret === 'string' ? 'a blank string' : typeof options.clientSecret;
    problems.push(`clientSecret: expected a non-empty string, got ${kind}`);
  }
  expect(
    'clientAuthentication',
    clientAuthentication === 'client_secret_post' || clientAuthentication === 'client_secret_basic',
    '"client_secret_post" or "client_secret_basic"',
    clientAuthentication,
  );
  expect(
    'targetParameters',
    Array.isArray(targetParameters) &&
      targetParameters.length > 0 &&
      targetParameters.every((p) => TARGET_PARAMETERS.includes(p)) &&
      new Set(targetParameters).size === targetParameters.length,
    'a non-empty list of distinct "audience", "resource"',
    targetParameters,
  );
  expect(
    'checkTokenAudience',
    typeof checkTokenAudience === 'boolean',
    'a boolean',
    checkTokenAudience,
  );
  const numbers: [string, unknown, NumberRule][] = [
    ['timeoutMs', timeoutMs, { min: 1 }],
    ['retry.maxAttempts', retry.maxAttempts, { min: 1, integer: true }],
    ['retry.baseDelayMs', retry.baseDelayMs, { min: 0 }],
    ['retry.maxDelayMs', retry.maxDelayMs, { min: numberOr(retry.baseDelayMs, 0) }],
    ['retry.maxTotalMs', retry.maxTotalMs, { min: 1 }],
    ['refresh.lifetimeFraction', refresh.lifetimeFraction, { min: Number.MIN_VALUE, max: 1 }],
    ['refresh.minRemainingMs', refresh.minRemainingMs, { min: 0 }],
    ['refresh.retryDelayMs', refresh.retryDelayMs, { min: 0 }],
  ];
  for (const [option, value, rule] of numbers) {
    expect(option, isNumber(value, rule), describeRule(rule), value);
  }
  for (const name of ['clock', 'sleep', 'random', 'onRefreshError'] as const) {
    const value: unknown = options[name];
    expect(name, value === undefined || typeof value === 'function', 'a function', value);
  }
  expect(
    'observer',
    options.observer === undefined ||
      (typeof options.observer === 'object' && options.observer !== null),
    'an object',
    options.observer,
  );
  expect(
    'http',
    options.http === undefined || typeof options.http === 'function',
    'an axios instance or a function',
    options.http,
  );
  if (problems.length > 0) throw new InvalidOptionError(problems);

  return {
    tokenEndpoint: options.tokenEndpoint,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    clientAuthentication,
    targetParameters: Object.freeze([...targetParameters]),
    checkTokenAudience,
    timeoutMs,
    retry,
    refresh,
    http: resolveHttp(options.http),
    clock: options.clock ?? Date.now,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: options.random ?? Math.random,
    onRefreshError: options.onRefreshError ?? (() => {}),
    observer: options.observer ?? {},
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
