import { ApiAccessError } from '../../errors/api-access-error.js';

/** Where a token request went: endpoint URL and requested audience (neither is secret). */
export interface TokenRequestTarget {
  endpoint: string;
  audience: string;
}

/** A token could not be obtained from the SSO. Subclasses say why. */
export abstract class TokenError extends ApiAccessError {
  readonly endpoint: string;
  readonly audience: string;

  constructor(target: TokenRequestTarget, problem: string, options?: { cause?: unknown }) {
    super(
      `Token request for audience "${target.audience}" to ${target.endpoint} failed: ${problem}`,
      options,
    );
    this.endpoint = target.endpoint;
    this.audience = target.audience;
  }

  protected override details(): Record<string, unknown> {
    return { endpoint: this.endpoint, audience: this.audience };
  }
}

/** The SSO answered with an RFC 6749 error body, e.g. 401 `invalid_client`. */
export class TokenOAuthError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_OAUTH';
  readonly code = TokenOAuthError.code;

  constructor(
    target: TokenRequestTarget,
    readonly status: number,
    readonly oauthError: string,
    readonly description: string | undefined,
    /** How long the SSO asked us to wait (`Retry-After`), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(target, `HTTP ${status} ${oauthError}${description ? `: ${description}` : ''}`);
  }

  protected override details(): Record<string, unknown> {
    const { status, oauthError, description, retryAfterMs } = this;
    return { ...super.details(), status, oauthError, description, retryAfterMs };
  }
}

/** The SSO answered with an error status but no OAuth error body (a proxy page, a bare 503). */
export class TokenHttpError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_HTTP';
  readonly code = TokenHttpError.code;

  constructor(
    target: TokenRequestTarget,
    readonly status: number,
    /** How long the SSO asked us to wait (`Retry-After`), in milliseconds. */
    readonly retryAfterMs?: number,
  ) {
    super(target, `HTTP ${status} without an OAuth error body`);
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), status: this.status, retryAfterMs: this.retryAfterMs };
  }
}

/** The request never got an answer: DNS, refused or reset connection. `cause` is the socket error. */
export class TokenNetworkError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_NETWORK';
  readonly code = TokenNetworkError.code;

  constructor(target: TokenRequestTarget, cause: unknown) {
    super(target, `network error: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
  }
}

/** No complete answer within the request timeout. */
export class TokenTimeoutError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_TIMEOUT';
  readonly code = TokenTimeoutError.code;

  constructor(
    target: TokenRequestTarget,
    readonly timeoutMs: number,
  ) {
    super(target, `no response within ${timeoutMs} ms`);
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), timeoutMs: this.timeoutMs };
  }
}

/** A success status with a body that is not a usable token response; `field` names what is wrong. */
export class TokenInvalidResponseError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_INVALID_RESPONSE';
  readonly code = TokenInvalidResponseError.code;

  constructor(
    target: TokenRequestTarget,
    readonly status: number,
    /** The bad field (`access_token`, `expires_in`, `token_type`) or `body` when it is not JSON. */
    readonly field: string,
    problem: string,
  ) {
    super(target, `invalid response (HTTP ${status}): ${field} ${problem}`);
  }

  protected override details(): Record<string, unknown> {
    return { ...super.details(), status: this.status, field: this.field };
  }
}
