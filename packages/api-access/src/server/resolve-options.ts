import { isHttpUrl, isObject, isText, type NumberRule } from '../options/option-checks.js';
import { OptionProblems } from '../options/option-problems.js';
import type { JsonObject } from './decode-token.js';
import type { ApiAccessObserver } from './observer.js';
import type { ApiAccessLogger, ApiAccessOptions, Clock } from './options.js';
import { unrefScheduler, type Scheduler } from './scheduler.js';

/** Options after validation, with every default filled in. */
export interface ResolvedApiAccessOptions {
  readonly issuer: string;
  readonly clientId: string;
  /** Undefined: found by OpenID Connect discovery (see JwksSource). */
  readonly jwksUri: string | undefined;
  readonly algorithms: readonly string[];
  readonly clockToleranceSec: number;
  readonly rolesClaimPath: readonly string[];
  readonly allowedCallers: ReadonlySet<string> | undefined;
  readonly requireTyp: string | undefined;
  readonly realm: string;
  readonly jwksTimeoutMs: number;
  readonly jwksRefetchIntervalSec: number;
  readonly jwksRequestsPerMinute: number;
  readonly jwksRefreshIntervalSec: number;
  readonly staleKeyMaxAgeSec: number;
  readonly tokenCacheMaxEntries: number;
  readonly tokenCacheMaxAgeSec: number;
  readonly retryAfterSec: number;
  readonly isApplication: (claims: JsonObject) => boolean;
  readonly clock: Clock;
  readonly scheduler: Scheduler;
  readonly logger: ApiAccessLogger;
  readonly observer: ApiAccessObserver | undefined;
}

// Asymmetric only: with HMAC the "secret" would be the public key anyone can download.
const ASYMMETRIC_ALGORITHMS: ReadonlySet<string> = new Set(
  ['RS', 'PS', 'ES'].flatMap((family) => ['256', '384', '512'].map((bits) => family + bits)),
);
// A path segment that could reach an object's prototype instead of a claim.
const UNSAFE_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_JWKS_TIMEOUT_MS = 5000;
const silentLogger: ApiAccessLogger = { warn: () => undefined, error: () => undefined };
const isServiceAccount = (claims: JsonObject): boolean => {
  const sub = Object.hasOwn(claims, 'sub') ? claims['sub'] : undefined;
  return typeof sub === 'string' && sub.startsWith('service-account-');
};

/**
 * Validates options once and fills defaults.
 * @throws {InvalidOptionError} listing every bad option as `<option>: expected <rule>, got <value>`.
 */
export function resolveApiAccessOptions(input: ApiAccessOptions): ResolvedApiAccessOptions {
  const problems = new OptionProblems();
  problems.expect('options', isObject(input), 'an object', input);
  problems.throwIfAny(); // nothing else can be read

  problems.expect('issuer', isHttpUrl(input.issuer), 'an http(s) URL', input.issuer);
  problems.expect('clientId', isText(input.clientId), 'a non-empty string', input.clientId);
  const jwksUri = input.jwksUri;
  problems.expect(
    'jwksUri',
    jwksUri === undefined || isHttpUrl(jwksUri),
    'an http(s) URL',
    jwksUri,
  );

  const algorithms = input.algorithms ?? ['RS256'];
  problems.expect(
    'algorithms',
    Array.isArray(algorithms) &&
      algorithms.length > 0 &&
      algorithms.every((alg) => ASYMMETRIC_ALGORITHMS.has(alg)),
    'a non-empty list of RS*, PS* or ES* algorithms',
    algorithms,
  );

  const rolesClaimPath = toPath(input.rolesClaim ?? 'cern_roles');
  problems.expect(
    'rolesClaim',
    rolesClaimPath.length > 0 && rolesClaimPath.every((s) => s !== '' && !UNSAFE_SEGMENTS.has(s)),
    'a dotted path of non-empty, non-prototype names',
    input.rolesClaim,
  );

  const allowedCallers = input.allowedCallers;
  problems.expect(
    'allowedCallers',
    allowedCallers === undefined || (Array.isArray(allowedCallers) && allowedCallers.every(isText)),
    'a list of client ids',
    allowedCallers,
  );
  problems.expect(
    'requireTyp',
    input.requireTyp === undefined || isText(input.requireTyp),
    'a non-empty string',
    input.requireTyp,
  );
  problems.expect(
    'realm',
    input.realm === undefined ||
      (typeof input.realm === 'string' && /^[\x20\x21\x23-\x5b\x5d-\x7e]+$/.test(input.realm)),
    'printable ASCII without quotes or backslashes',
    input.realm,
  );
  problems.expect(
    'observer',
    input.observer === undefined || (typeof input.observer === 'object' && input.observer !== null),
    'an object',
    input.observer,
  );
  for (const name of ['isApplication', 'clock', 'scheduler'] as const) {
    const value: unknown = input[name];
    problems.expect(name, value === undefined || typeof value === 'function', 'a function', value);
  }
  problems.expect(
    'logger',
    input.logger === undefined ||
      (isObject(input.logger) &&
        typeof input.logger.warn === 'function' &&
        typeof input.logger.error === 'function'),
    'an object with warn() and error()',
    input.logger,
  );

  const num = (name: NumericOption, fallback: number, rule: NumberRule) =>
    problems.number(name, input[name] ?? fallback, rule);

  const resolved: ResolvedApiAccessOptions = {
    issuer: input.issuer,
    clientId: input.clientId,
    jwksUri,
    algorithms: Array.isArray(algorithms) ? [...algorithms] : [],
    clockToleranceSec: num('clockToleranceSec', 5, { min: 0, max: 300 }),
    rolesClaimPath,
    allowedCallers: Array.isArray(allowedCallers) ? new Set(allowedCallers) : undefined,
    requireTyp: input.requireTyp,
    realm: input.realm ?? input.clientId,
    jwksTimeoutMs: num('jwksTimeoutMs', MAX_JWKS_TIMEOUT_MS, { min: 1, max: MAX_JWKS_TIMEOUT_MS }),
    jwksRefetchIntervalSec: num('jwksRefetchIntervalSec', 6, { min: 1, max: 60 }),
    jwksRequestsPerMinute: num('jwksRequestsPerMinute', 10, { min: 1, integer: true }),
    jwksRefreshIntervalSec: num('jwksRefreshIntervalSec', 60, { min: 1 }),
    staleKeyMaxAgeSec: num('staleKeyMaxAgeSec', 3600, { min: 0 }),
    tokenCacheMaxEntries: num('tokenCacheMaxEntries', 1000, { min: 0, integer: true }),
    tokenCacheMaxAgeSec: num('tokenCacheMaxAgeSec', 60, { min: 0 }),
    // Sent as `Retry-After`, whose delay-seconds are digits only (RFC 9110 section 10.2.3).
    retryAfterSec: num('retryAfterSec', 10, { min: 1, integer: true }),
    isApplication: input.isApplication ?? isServiceAccount,
    clock: input.clock ?? Date.now,
    scheduler: input.scheduler ?? unrefScheduler,
    logger: input.logger ?? silentLogger,
    observer: input.observer,
  };
  problems.throwIfAny();
  return resolved;
}

type NumericOption = {
  [K in keyof ApiAccessOptions]-?: NonNullable<ApiAccessOptions[K]> extends number ? K : never;
}[keyof ApiAccessOptions];

function toPath(claim: string | readonly string[]): string[] {
  return typeof claim === 'string' ? claim.split('.') : Array.isArray(claim) ? [...claim] : [];
}
