import { type RunningEmulator } from '../src/emulator.js';
import { postToken } from './helpers.js';

/** An API Access token from the emulator for `clientId` (demo secret) and `audience`. */
export async function tokenFor(
  emulator: RunningEmulator,
  clientId: string,
  audience = 'authorization-service-api',
): Promise<string> {
  const { status, json } = await postToken(`${emulator.url}/auth/realms/cern/api-access/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: `${clientId}-secret`,
      audience,
    },
  });
  if (status !== 200) throw new Error(`token for ${clientId}: HTTP ${status}`);
  return json.access_token as string;
}

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
