import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { ServiceProcess } from '@cern-sso/service-process';

const MAIN = fileURLToPath(new URL('../../../../apps/sso-emulator/dist/main.js', import.meta.url));

export interface EmulatorStats {
  tokenRequests: { apiAccess: number; standard: number };
  jwksRequests: number;
}

export interface RunningEmulator {
  /** Where it listens, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The realm URL, `iss` of its tokens: http://localhost:<port>/auth/realms/cern */
  issuer: string;
  tokenEndpoint: string;
  standardTokenEndpoint: string;
  jwksUri: string;
  adminSecret: string;
  stats(): Promise<EmulatorStats>;
  /** Rotates the signing key and returns the new kid. */
  rotateKeys(): Promise<string>;
  /** Stops publishing a (previous) signing key. */
  retireKey(kid: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Runs the built SSO emulator (`apps/sso-emulator/dist/main.js`) as a real process on a free port.
 * Build it first: turbo does so before this package's tests.
 */
export async function startEmulator(env: Record<string, string> = {}): Promise<RunningEmulator> {
  const adminSecret = env.SSO_ADMIN_SECRET ?? randomBytes(12).toString('hex');
  const emulator = new ServiceProcess({
    name: 'sso-emulator',
    main: MAIN,
    env: { PORT: '0', HOST: '127.0.0.1', SSO_ADMIN_SECRET: adminSecret, ...env },
  });
  const url = await emulator.start();
  const port = new URL(url).port;
  const issuer = `${env.SSO_PUBLIC_URL ?? `http://localhost:${port}`}/auth/realms/${env.SSO_REALM ?? 'cern'}`;
  const admin = async (method: string, path: string): Promise<unknown> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { 'X-Admin-Secret': adminSecret },
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
    return response.json();
  };
  return {
    url,
    issuer,
    tokenEndpoint: `${issuer}/api-access/token`,
    standardTokenEndpoint: `${issuer}/protocol/openid-connect/token`,
    jwksUri: `${issuer}/protocol/openid-connect/certs`,
    adminSecret,
    stats: () => admin('GET', '/admin/stats') as Promise<EmulatorStats>,
    rotateKeys: async () =>
      ((await admin('POST', '/admin/keys/rotate')) as { current: string }).current,
    retireKey: async (kid) => {
      await admin('DELETE', `/admin/keys/${encodeURIComponent(kid)}`);
    },
    stop: () => emulator.stop(),
  };
}
