import { type RunningEmulator } from '../src/emulator.js';

/** The audience (client id) of the Authorization Service API. */
export const AUTHZ_API = 'authorization-service-api';

export interface ApiReply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** GET `/api/v1.0/<path>` with the token, if any. */
export async function getApi(
  emulator: RunningEmulator,
  path: string,
  token?: string,
): Promise<ApiReply> {
  const response = await fetch(`${emulator.url}/api/v1.0/${path}`, {
    headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}
