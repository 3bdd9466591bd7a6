import {
  TokenNetworkError,
  TokenTimeoutError,
  type TokenRequestTarget,
} from './errors/token-errors.js';
import type { TokenHttpRequest, TokenHttpResponse } from './http.js';
import type { ResolvedTokenClientOptions } from './options.js';
import { checkTokenAudience } from './token-audience.js';
import { readTokenResponse, type TokenResponse } from './token-response.js';

/**
 * One attempt, no retry: POST the client-credentials grant naming the target, read the answer,
 * and check the token is for that target (unless `checkTokenAudience` is off).
 */
export async function requestToken(
  options: ResolvedTokenClientOptions,
  audience: string,
  timeoutMs: number,
): Promise<TokenResponse> {
  const target: TokenRequestTarget = { endpoint: options.tokenEndpoint, audience };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  let response: TokenHttpResponse;
  try {
    response = await options.http({
      ...tokenRequest(options, audience),
      signal: controller.signal,
    });
  } catch (error) {
    throw timedOut
      ? new TokenTimeoutError(target, timeoutMs)
      : new TokenNetworkError(target, error);
  } finally {
    clearTimeout(timer);
  }
  const token = readTokenResponse(target, response, options.clock());
  if (options.checkTokenAudience) {
    checkTokenAudience(target, token.accessToken, options.targetParameters);
  }
  return token;
}

/**
 * The request of CERN's documented curl call, or its HTTP Basic variant; the target goes in each
 * of `targetParameters` (`audience`, RFC 8707 `resource`).
 */
export function tokenRequest(
  options: Pick<
    ResolvedTokenClientOptions,
    'tokenEndpoint' | 'clientId' | 'clientSecret' | 'clientAuthentication' | 'targetParameters'
  >,
  audience: string,
): Omit<TokenHttpRequest, 'signal'> {
  const form = new URLSearchParams({ grant_type: 'client_credentials' });
  for (const name of options.targetParameters) form.set(name, audience);
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (options.clientAuthentication === 'client_secret_basic') {
    // RFC 6749 section 2.3.1: form-encode id and secret *before* base64, so a ':' in either survives.
    const pair = `${formEncode(options.clientId)}:${formEncode(options.clientSecret)}`;
    headers.authorization = `Basic ${Buffer.from(pair).toString('base64')}`;
  } else {
    form.set('client_id', options.clientId);
    form.set('client_secret', options.clientSecret);
  }
  return { url: options.tokenEndpoint, headers, body: form.toString() };
}

function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice('v='.length);
}
