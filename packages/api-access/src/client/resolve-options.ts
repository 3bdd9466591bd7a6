import axios from 'axios';
import { axiosTokenHttp, isAxiosInstance } from './http.js';
import { isHttpUrl, isObject, isText } from '../options/option-checks.js';
import { OptionProblems } from '../options/option-problems.js';
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
  const problems = new OptionProblems();
  problems.expect('options', isObject(options), 'an object', options);
  problems.throwIfAny(); // nothing else can be read
  for (const name of ['retry', 'refresh'] as const) {
    const value: unknown = options[name];
    problems.expect(name, value === undefined || isObject(value), 'an object', value);
  }
  const retry = withDefaults(DEFAULT_RETRY, isObject(options.retry) ? options.retry : {});
  const refresh = withDefaults(DEFAULT_REFRESH, isObject(options.refresh) ? options.refresh : {});
  const clientAuthentication = options.clientAuthentication ?? 'client_secret_post';
  const targetParameters = options.targetParameters ?? DEFAULT_TARGET_PARAMETERS;
  const checkTokenAudience = options.checkTokenAudience ?? true;

  problems.expect(
    'tokenEndpoint',
    isHttpUrl(options.tokenEndpoint),
    'an http(s) URL',
    options.tokenEndpoint,
  );
  problems.expect('clientId', isText(options.clientId), 'a non-empty string', options.clientId);
  problems.expectSecret(
    'clientSecret',
    isText(options.clientSecret),
    'a non-empty string',
    options.clientSecret,
  );
  problems.expect(
    'clientAuthentication',
    clientAuthentication === 'client_secret_post' || clientAuthentication === 'client_secret_basic',
    '"client_secret_post" or "client_secret_basic"',
    clientAuthentication,
  );
  problems.expect(
    'targetParameters',
    Array.isArray(targetParameters) &&
      targetParameters.length > 0 &&
      targetParameters.every((p) => TARGET_PARAMETERS.includes(p)) &&
      new Set(targetParameters).size === targetParameters.length,
    'a non-empty list of distinct "audience", "resource"',
    targetParameters,
  );
  problems.expect(
    'checkTokenAudience',
    typeof checkTokenAudience === 'boolean',
    'a boolean',
    checkTokenAudience,
  );
  const timeoutMs = problems.number('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS, {
    min: 1,
  });
  problems.number('retry.maxAttempts', retry.maxAttempts, { min: 1, integer: true });
  problems.number('retry.baseDelayMs', retry.baseDelayMs, { min: 0 });
  problems.number('retry.maxDelayMs', retry.maxDelayMs, {
    min: Number.isFinite(retry.baseDelayMs) ? retry.baseDelayMs : 0,
  });
  problems.number('retry.maxTotalMs', retry.maxTotalMs, { min: 1 });
  problems.number('refresh.lifetimeFraction', refresh.lifetimeFraction, { above: 0, max: 1 });
  problems.number('refresh.minRemainingMs', refresh.minRemainingMs, { min: 0 });
  problems.number('refresh.retryDelayMs', refresh.retryDelayMs, { min: 0 });
  for (const name of ['clock', 'sleep', 'random', 'onRefreshError'] as const) {
    const value: unknown = options[name];
    problems.expect(name, value === undefined || typeof value === 'function', 'a function', value);
  }
  problems.expect(
    'observer',
    options.observer === undefined ||
      (typeof options.observer === 'object' && options.observer !== null),
    'an object',
    options.observer,
  );
  problems.expect(
    'http',
    options.http === undefined || typeof options.http === 'function',
    'an axios instance or a function',
    options.http,
  );
  problems.throwIfAny();

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
