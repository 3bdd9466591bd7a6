import type { RefusalCode } from '../errors/any-error.js';
import { ApiAccessError } from '../errors/api-access-error.js';
import { ERROR_CATALOGUE } from '../errors/catalogue.js';

/**
 * How a refusal is reported over HTTP: the RFC 6750 error of its challenge, or for the two
 * refusals without one, `missing_token` (bare challenge) and `keys_unavailable` (503).
 */
export type RefusalKind =
  'missing_token' | 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'keys_unavailable';

/**
 * Base of every runtime refusal. `code` is stable (tests and callers branch on it); `message`
 * names the failed check and is safe to send to the caller: it never contains the token.
 */
export abstract class RefusalError extends ApiAccessError {
  abstract override readonly code: RefusalCode;

  /** Read from `ERROR_CATALOGUE`, which says how each code is answered. */
  get kind(): RefusalKind {
    const { status, rfc6750 } = ERROR_CATALOGUE[this.code];
    if (rfc6750 !== 'none') return rfc6750;
    return status === 503 ? 'keys_unavailable' : 'missing_token';
  }
}

/** No `Authorization: Bearer` credentials at all (RFC 6750: reply without an error code). */
export class TokenMissingError extends RefusalError {
  static readonly code = 'ERR_TOKEN_MISSING';
  readonly code = TokenMissingError.code;
}

/** An `Authorization: Bearer` header that is not `Bearer <one b64token>`. */
export class AuthorizationHeaderError extends RefusalError {
  static readonly code = 'ERR_AUTHORIZATION_HEADER_MALFORMED';
  readonly code = AuthorizationHeaderError.code;
}

/**
 * The JWKS endpoint could not be reached (or served no keys) and no usable cached key exists.
 * Not the caller's fault: answered with 503 so callers retry instead of discarding their token.
 */
export class KeysUnavailableError extends RefusalError {
  static readonly code = 'ERR_KEYS_UNAVAILABLE';
  readonly code = KeysUnavailableError.code;
  readonly retryAfterSec: number;

  constructor(message: string, retryAfterSec: number, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfterSec = retryAfterSec;
  }
}

/** A valid token whose roles do not satisfy the route. */
export class RoleMissingError extends RefusalError {
  static readonly code = 'ERR_ROLE_MISSING';
  readonly code = RoleMissingError.code;
  readonly requiredRoles: readonly string[];

  constructor(message: string, requiredRoles: readonly string[]) {
    super(message);
    this.requiredRoles = requiredRoles;
  }
}

/** A valid token from a caller (`azp`) that is not on the allow-list. */
export class CallerNotAllowedError extends RefusalError {
  static readonly code = 'ERR_CALLER_NOT_ALLOWED';
  readonly code = CallerNotAllowedError.code;
}
