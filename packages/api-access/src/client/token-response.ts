import {
  TokenHttpError,
  TokenInvalidResponseError,
  TokenOAuthError,
  type TokenRequestTarget,
} from './errors/token-errors.js';
import type { TokenHttpResponse } from './http.js';
import { parseRetryAfter } from './retry.js';

/** The fields of a token response the client relies on. */
export interface TokenResponse {
  accessToken: string;
  /** Lifetime in seconds, as the SSO sent it. */
  expiresIn: number;
}

/** Turns the SSO's answer into a token, or into the error that says what was wrong with it. */
export function readTokenResponse(
  target: TokenRequestTarget,
  response: TokenHttpResponse,
  now: number,
): TokenResponse {
  const { status } = response;
  const body = parseJson(response.body);
  if (status < 200 || status > 299) {
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], now);
    if (isObject(body) && typeof body.error === 'string') {
      const description =
        typeof body.error_description === 'string' ? body.error_description : undefined;
      throw new TokenOAuthError(target, status, body.error, description, retryAfterMs);
    }
    throw new TokenHttpError(target, status, retryAfterMs);
  }

  const invalid = (field: string, problem: string) =>
    new TokenInvalidResponseError(target, status, field, problem);
  if (!isObject(body)) throw invalid('body', 'is not a JSON object');
  // Values are never quoted in these messages: a wrong-typed field may still hold a token.
  if (typeof body.access_token !== 'string' || body.access_token === '') {
    throw invalid('access_token', 'must be a non-empty string');
  }
  if (
    typeof body.expires_in !== 'number' ||
    !Number.isFinite(body.expires_in) ||
    body.expires_in <= 0
  ) {
    throw invalid('expires_in', 'must be a positive number of seconds');
  }
  if (typeof body.token_type !== 'string' || body.token_type.toLowerCase() !== 'bearer') {
    throw invalid('token_type', 'must be "Bearer"');
  }
  return { accessToken: body.access_token, expiresIn: body.expires_in };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
