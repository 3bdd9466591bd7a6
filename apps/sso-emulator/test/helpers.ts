import { type EmulatorConfig } from '../src/config/emulator-config.js';
import { DEFAULT_REGISTRY_PATH } from '../src/config/env.schema.js';
import { startEmulator, type EmulatorOptions, type RunningEmulator } from '../src/emulator.js';

export const ADMIN_SECRET = 'test-admin-secret';

/** The emulator in-process on a free port with the default registry, silent. */
export function startTestEmulator(
  config: Partial<EmulatorConfig> = {},
  options: Omit<EmulatorOptions, 'config'> = {},
): Promise<RunningEmulator> {
  return startEmulator({
    config: {
      port: 0,
      host: '127.0.0.1',
      realm: 'cern',
      tokenLifetimeSec: 1200,
      adminSecret: ADMIN_SECRET,
      registryPath: DEFAULT_REGISTRY_PATH,
      ...config,
    },
    logs: false,
    ...options,
  });
}

export interface TokenCall {
  form?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

/** POSTs a form to a token endpoint and returns status, headers and parsed JSON. */
export interface TokenReply {
  status: number;
  headers: Headers;
  json: Record<string, unknown>;
}

export async function postToken(
  url: string,
  { form, headers, body }: TokenCall,
): Promise<TokenReply> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: body ?? new URLSearchParams(form).toString(),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
}

export function basic(clientId: string, secret: string): string {
  const encode = (part: string) => encodeURIComponent(part).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString('base64')}`;
}

/** An API Access token from the emulator for `clientId` (its demo secret `<client id>-secret`) and `audience`. */
export async function tokenFor(
  emulator: RunningEmulator,
  clientId: string,
  audience: string,
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
