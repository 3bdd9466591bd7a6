import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ServiceProcess } from '@cern-sso/service-process';

const require = createRequire(import.meta.url);

/** The built entry point of one of this repository's services, e.g. apps/target-api/dist/main.js. */
export const mainOf = (name: string): string =>
  join(dirname(require.resolve(`${name}/package.json`)), 'dist', 'main.js');

export interface RunningEmulator {
  sso: ServiceProcess;
  adminSecret: string;
  /** `iss` of every token: the emulator's realm URL. */
  issuer: string;
  /** The emulator's Authorization Service API, e.g. http://localhost:8080/api/v1.0. */
  authzApiUrl: string;
  /** Calls the admin API (key rotation, stats) with the admin secret. */
  admin<T>(method: string, path: string): Promise<T>;
  /** Stops the emulator for good and removes the directory of its private signing keys. */
  stop(): Promise<void>;
}

/**
 * The built emulator as a process. It keeps its keys in a file so that restarting it (`sso.stop()`
 * then `sso.start()`, a test scenario) keeps tokens valid, and its port is pinned once known so a
 * restart comes back there. The file is private key material: `stop()` and a failed start remove it.
 */
export async function startEmulatorProcess(
  options: { host?: string; port?: number; env?: Record<string, string> } = {},
): Promise<RunningEmulator> {
  const adminSecret =
    options.env?.SSO_ADMIN_SECRET ?? `dev-admin-${randomBytes(9).toString('base64url')}`;
  const keysDirectory = await mkdtemp(join(tmpdir(), 'sso-emulator-keys-'));
  const keysFile = join(keysDirectory, 'keys.json');
  const sso = new ServiceProcess({
    name: 'sso-emulator',
    main: mainOf('@cern-sso/sso-emulator'),
    env: {
      HOST: options.host ?? '127.0.0.1',
      PORT: String(options.port ?? 0),
      SSO_ADMIN_SECRET: adminSecret,
      SSO_KEYS_FILE: keysFile,
      ...options.env,
    },
  });
  const stop = async () => {
    await sso.stop();
    await rm(keysDirectory, { recursive: true, force: true });
  };
  try {
    execFileSync(process.execPath, [
      join(dirname(mainOf('@cern-sso/sso-emulator')), 'cli', 'create-keys.js'),
      keysFile,
    ]);
    await sso.start();
  } catch (error) {
    await stop();
    throw error;
  }
  const ssoPort = new URL(sso.url).port;
  sso.spec.env.PORT = ssoPort;
  const publicUrl = sso.spec.env.SSO_PUBLIC_URL ?? `http://localhost:${ssoPort}`;
  return {
    sso,
    adminSecret,
    issuer: `${publicUrl}/auth/realms/cern`,
    authzApiUrl: `${publicUrl}/api/v1.0`,
    admin: async <T>(method: string, path: string): Promise<T> => {
      const response = await fetch(`${sso.url}${path}`, {
        method,
        headers: { 'x-admin-secret': adminSecret },
      });
      if (!response.ok) throw new Error(`${method} ${sso.url}${path}: HTTP ${response.status}`);
      return (await response.json()) as T;
    },
    stop,
  };
}
