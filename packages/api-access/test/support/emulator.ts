import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';

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
  stop(): Promise<void>;
}

/**
 * Runs the built SSO emulator (`apps/sso-emulator/dist/main.js`) as a real process on a free port.
 * Build it first: turbo does so before this package's tests.
 */
export async function startEmulator(env: Record<string, string> = {}): Promise<RunningEmulator> {
  const adminSecret = env.SSO_ADMIN_SECRET ?? randomBytes(12).toString('hex');
  const child = spawn(process.execPath, [MAIN], {
    env: {
      ...process.env,
      NO_COLOR: '1',
      PORT: '0',
      HOST: '127.0.0.1',
      SSO_ADMIN_SECRET: adminSecret,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await waitForReady(child);
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
    stop: () => stop(child),
  };
}

function waitForReady(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        child.stderr!.resume();
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) =>
      reject(new Error(`SSO emulator exited with ${code} before ready:\n${output}`)),
    );
    child.once('error', reject);
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
