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

/** What a token that is not for the requested target looked like; never the token itself. */
export type TokenAudienceProblem = 'not-a-jwt' | 'aud-missing' | 'aud-mismatch';

/**
 * A 2xx whose token is not for the requested target: not a JWT, or a JWT whose `aud` lacks it.
 * Never retried: the same request gives the same token. Turn the check off with
 * `checkTokenAudience: false` for a server that issues opaque tokens.
 */
export class TokenWrongAudienceError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE';
  readonly code = TokenWrongAudienceError.code;

  constructor(
    target: TokenRequestTarget,
    readonly problem: TokenAudienceProblem,
    /** The token's `aud` values (client ids or URIs, not secret); empty unless `aud-mismatch`. */
    readonly tokenAudience: readonly string[],
    /** The form parameters that named the target, e.g. `['audience']`. */
    readonly sentAs: readonly string[],
  ) {
    super(target, wrongAudienceProblem(target.audience, problem, tokenAudience, sentAs));
  }

  protected override details(): Record<string, unknown> {
    const { problem, tokenAudience, sentAs } = this;
    return { ...super.details(), problem, tokenAudience, sentAs };
  }
}

function wrongAudienceProblem(
  audience: string,
  problem: TokenAudienceProblem,
  tokenAudience: readonly string[],
  sentAs: readonly string[],
): string {
  const what = {
    'not-a-jwt': 'the access token is not a JWT',
    'aud-missing': `the access token has no "aud" claim`,
    'aud-mismatch': `the access token's "aud" is ${tokenAudience.map(quoteShort).join(', ')}, not "${audience}"`,
  }[problem];
  const ignored = sentAs.map((name) => `"${name}"`).join(' and ');
  return (
    `${what}. Likely the standard token endpoint (.../protocol/openid-connect/token) was used ` +
    `instead of the API Access one (.../api-access/token), or the SSO ignored ${ignored}` +
    (problem === 'not-a-jwt'
      ? '; for a server that issues opaque tokens, set checkTokenAudience: false'
      : '')
  );
}

/** An `aud` value as sent by the server, quoted and cut: it is shown, so it is bounded. */
function quoteShort(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
}
