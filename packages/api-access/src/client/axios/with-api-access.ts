import axios, { isAxiosError, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { TargetForbiddenError, TargetUnauthorizedError } from '../errors/target-errors.js';
import type { TokenClient } from '../token-client.js';
import { redactToken } from './redact-token.js';
import { targetRefusal } from './target-refusal.js';

export interface ApiAccessAxiosOptions {
  /** Where the tokens come from. */
  client: TokenClient;
  /** The target API's client id: the `audience` of the tokens sent to it. */
  audience: string;
}

/**
 * Makes every request of `instance` (or of a new instance) carry `Authorization: Bearer <token>`
 * for `audience`. A 401 invalidates the token and retries the request once with a fresh one;
 * a 403 is not retried and rejects with `TargetForbiddenError` naming the missing role.
 *
 * The instance's adapter is wrapped rather than adding interceptors: the retry then stays inside
 * one request, so the app's own interceptors see it once, and no marker is needed to stop a loop.
 *
 * @example
 * const reports = withApiAccess(axios.create({ baseURL }), { client, audience: 'reports-api' });
 */
export function withApiAccess(
  instance: AxiosInstance | undefined,
  options: ApiAccessAxiosOptions,
): AxiosInstance {
  const { client, audience } = options;
  const http = instance ?? axios.create();
  const send = axios.getAdapter(http.defaults.adapter ?? axios.defaults.adapter);

  const sendWithToken = (config: InternalAxiosRequestConfig, token: string) => {
    config.headers.set('Authorization', `Bearer ${token}`);
    return send(config).then(
      (response) => {
        redactToken(config, response);
        return response;
      },
      (error: unknown) => {
        redactToken(config, error);
        throw error;
      },
    );
  };

  http.defaults.adapter = async (config) => {
    const token = await client.getToken(audience);
    try {
      return await sendWithToken(config, token);
    } catch (error) {
      if (!isAxiosError(error) || error.response?.status !== 401) throw refusal(error, audience);
      client.invalidate(audience, token);
      try {
        return await sendWithToken(config, await client.getToken(audience));
      } catch (retryError) {
        throw refusal(retryError, audience);
      }
    }
  };
  return http;
}

/** Maps the target's 401 (after the retry) and 403 to typed errors; anything else passes through. */
function refusal(error: unknown, audience: string): unknown {
  if (!isAxiosError(error)) return error;
  if (error.response?.status === 401)
    return new TargetUnauthorizedError(targetRefusal(error, audience));
  if (error.response?.status === 403)
    return new TargetForbiddenError(targetRefusal(error, audience));
  return error;
}
