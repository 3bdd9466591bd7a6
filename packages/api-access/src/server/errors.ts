import { ApiAccessError } from '../errors/api-access-error.js';

/**
 * How a refusal is reported over HTTP (RFC 6750): each error belongs to exactly one kind, and
 * `http-refusal.ts` maps kinds to status codes and `WWW-Authenticate` in one place.
 */
export type RefusalKind =
  'missing_token' | 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'keys_unavailable';

/**
 * Base of every runtime refusal. `code` is stable (tests and callers branch on it); `message`
 * names the failed check and is safe to send to the caller: it never contains the token.
 */
export abstract class RefusalError extends ApiAccessError {
  abstract readonly kind: RefusalKind;
}

/** No `Authorization: Bearer` credentials at all (RFC 6750: reply without an error code). */
export class TokenMissingError extends RefusalError {
  readonly code = 'ERR_TOKEN_MISSING';
  readonly kind = 'missing_token';
}

/** An `Authorization: Bearer` header that is not `Bearer <one b64token>`. */
export class AuthorizationHeaderError extends RefusalError {
  readonly code = 'ERR_AUTHORIZATION_HEADER_MALFORMED';
  readonly kind = 'invalid_request';
}

/**
 * The JWKS endpoint could not be reached (or served no keys) and no usable cached key exists.
 * Not the caller's fault: answered with 503 so callers retry instead of discarding their token.
 */
export class KeysUnavailableError extends RefusalError {
  readonly code = 'ERR_KEYS_UNAVAILABLE';
  readonly kind = 'keys_unavailable';
  readonly retryAfterSec: number;

  constructor(message: string, retryAfterSec: number, options?: { cause?: unknown }) {
    super(message, options);
    this.retryAfterSec = retryAfterSec;
  }
}

/** A valid token whose roles do not satisfy the route. */
export class RoleMissingError extends RefusalError {
  readonly code = 'ERR_ROLE_MISSING';
  readonly kind = 'insufficient_scope';
  readonly requiredRoles: readonly string[];

  constructor(message: string, requiredRoles: readonly string[]) {
    super(message);
    this.requiredRoles = requiredRoles;
  }
}

/** A valid token from a caller (`azp`) that is not on the allow-list. */
export class CallerNotAllowedError extends RefusalError {
  readonly code = 'ERR_CALLER_NOT_ALLOWED';
  readonly kind = 'insufficient_scope';
}
