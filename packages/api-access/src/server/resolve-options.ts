import { InvalidOptionError } from '../errors/api-access-error.js';
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

/** Validates options once and fills defaults; throws InvalidOptionError naming every bad option. */
export function resolveApiAccessOptions(input: ApiAccessOptions): ResolvedApiAccessOptions {
  const problems: string[] = [];
  const bad = (name: string, value: unknown, why: string): void => {
    problems.push(`${name}: ${why} (got ${JSON.stringify(value) ?? String(value)})`);
  };

  const issuer = input.issuer;
  if (!isHttpUrl(issuer)) bad('issuer', issuer, 'must be an http(s) URL');
  if (typeof input.clientId !== 'string' || input.clientId === '') {
    bad('clientId', input.clientId, 'must be a non-empty string');
  }
  const jwksUri = input.jwksUri;
  if (jwksUri !== undefined && !isHttpUrl(jwksUri))
    bad('jwksUri', jwksUri, 'must be an http(s) URL');

  const algorithms = input.algorithms ?? ['RS256'];
  if (!Array.isArray(algorithms) || algorithms.length === 0) {
    bad('algorithms', algorithms, 'must be a non-empty array');
  } else {
    for (const alg of algorithms) {
      if (!ASYMMETRIC_ALGORITHMS.has(alg)) bad('algorithms', alg, 'may only list RS*, PS* or ES*');
    }
  }

  const rolesClaimPath = toPath(input.rolesClaim ?? 'cern_roles');
  if (
    rolesClaimPath.length === 0 ||
    rolesClaimPath.some((s) => s === '' || UNSAFE_SEGMENTS.has(s))
  ) {
    bad('rolesClaim', input.rolesClaim, 'must be a dotted path of non-empty, non-prototype names');
  }

  const allowedCallers = input.allowedCallers;
  if (
    allowedCallers !== undefined &&
    (!Array.isArray(allowedCallers) || !allowedCallers.every(isText))
  ) {
    bad('allowedCallers', allowedCallers, 'must be an array of client ids');
  }
  if (input.requireTyp !== undefined && !isText(input.requireTyp)) {
    bad('requireTyp', input.requireTyp, 'must be a non-empty string');
  }
  if (input.realm !== undefined && !/^[\x20\x21\x23-\x5b\x5d-\x7e]+$/.test(input.realm)) {
    bad('realm', input.realm, 'must be printable ASCII without quotes or backslashes');
  }

  const observer = input.observer;
  if (observer !== undefined && (typeof observer !== 'object' || observer === null)) {
    bad('observer', observer, 'must be an object');
  }
  for (const name of ['isApplication', 'clock', 'scheduler'] as const) {
    const value = input[name];
    if (value !== undefined && typeof value !== 'function') bad(name, value, 'must be a function');
  }

  const num = (name: keyof ApiAccessOptions, fallback: number, min: number, max = Infinity) => {
    const value = input[name] ?? fallback;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
      bad(name, value, `must be a number from ${min} to ${max}`);
    }
    return value as number;
  };

  const resolved: ResolvedApiAccessOptions = {
    issuer,
    clientId: input.clientId,
    jwksUri,
    algorithms: [...algorithms],
    clockToleranceSec: num('clockToleranceSec', 5, 0, 300),
    rolesClaimPath,
    allowedCallers: allowedCallers === undefined ? undefined : new Set(allowedCallers),
    requireTyp: input.requireTyp,
    realm: input.realm ?? input.clientId,
    jwksTimeoutMs: num('jwksTimeoutMs', MAX_JWKS_TIMEOUT_MS, 1, MAX_JWKS_TIMEOUT_MS),
    jwksRefetchIntervalSec: num('jwksRefetchIntervalSec', 6, 1, 60),
    jwksRequestsPerMinute: num('jwksRequestsPerMinute', 10, 1),
    jwksRefreshIntervalSec: num('jwksRefreshIntervalSec', 60, 1),
    staleKeyMaxAgeSec: num('staleKeyMaxAgeSec', 3600, 0),
    tokenCacheMaxEntries: num('tokenCacheMaxEntries', 1000, 0),
    tokenCacheMaxAgeSec: num('tokenCacheMaxAgeSec', 60, 0),
    retryAfterSec: num('retryAfterSec', 10, 1),
    isApplication: input.isApplication ?? isServiceAccount,
    clock: input.clock ?? Date.now,
    scheduler: input.scheduler ?? unrefScheduler,
    logger: input.logger ?? silentLogger,
    observer,
  };
  if (problems.length > 0) throw new InvalidOptionError(problems);
  return resolved;
}

function toPath(claim: string | readonly string[]): string[] {
  return typeof claim === 'string' ? claim.split('.') : Array.isArray(claim) ? [...claim] : [];
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
