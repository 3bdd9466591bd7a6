import type { AxiosResponse, InternalAxiosRequestConfig } from 'axios';

/**
 * Keeps the bearer token out of what a logger prints once a request is done. axios hands back
 * the request config (our header in it) and Node's `ClientRequest` (the raw headers in it) on
 * every response and AxiosError. The header is overwritten; `request` stays readable but is made
 * non-enumerable, so `JSON.stringify` and `util.inspect` skip it.
 */
export function redactToken(config: InternalAxiosRequestConfig, outcome: unknown): void {
  config.headers.set('Authorization', 'Bearer [redacted]');
  hideRequest(outcome);
  hideRequest((outcome as { response?: AxiosResponse } | null)?.response);
}

function hideRequest(holder: unknown): void {
  if (typeof holder === 'object' && holder !== null && Object.hasOwn(holder, 'request')) {
    Object.defineProperty(holder, 'request', { enumerable: false });
  }
}
