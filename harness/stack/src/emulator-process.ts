import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from '@cern-sso/service-process';
import { emulatorAdmin, type EmulatorAdmin } from './emulator-admin.js';
import { createKeysCommand, mainOf } from './entry-points.js';

export interface EmulatorProcessOptions {
  host?: string;
  /** 0 or absent picks a free port. */
  port?: number;
  /** Extra environment (`SSO_ADMIN_SECRET`, `SSO_REGISTRY`, `SSO_TOKEN_LIFETIME`...). */
  env?: Record<string, string>;
  /** Aborting it while the emulator starts stops it and cleans up; the start rejects. */
  signal?: AbortSignal;
}

export interface RunningEmulator {
  sso: ServiceProcess;
  adminSecret: string;
  /** `iss` of every token: the emulator's realm URL. */
  issuer: string;
  tokenEndpoint: string;
  standardTokenEndpoint: string;
  jwksUri: string;
  /** The emulator's Authorization Service API, e.g. http://localhost:8080/api/v1.0. */
  authzApiUrl: string;
  /** Key rotation, retirement and request counts, with the admin secret. */
  admin: EmulatorAdmin;
  /** The directory that holds the emulator's private signing keys while it runs. */
  keysDirectory: string;
  /** Stops the emulator for good and removes `keysDirectory`. */
  stop(): Promise<void>;
}

/**
 * The built emulator as a process. It keeps its keys in a file so that restarting it (`sso.stop()`
 * then `sso.start()`, a test scenario) keeps tokens valid, and its port is pinned once known so a
 * restart comes back there. The file is private key material: `stop()` and a failed start remove it.
 */
export async function startEmulatorProcess(
  options: EmulatorProcessOptions = {},
): Promise<RunningEmulator> {
  const { signal } = options;
  signal?.throwIfAborted();
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
  // Stopping a service that is starting makes its start() reject, which lands in the catch below.
  const onAbort = () => void sso.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    execFileSync(process.execPath, [createKeysCommand(), keysFile]);
    // Checked before the start: a service spawned after an abort would outlive the launcher.
    signal?.throwIfAborted();
    await sso.start();
    signal?.throwIfAborted();
  } catch (error) {
    await stop();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  const ssoPort = new URL(sso.url).port;
  sso.spec.env.PORT = ssoPort;
  const publicUrl = sso.spec.env.SSO_PUBLIC_URL ?? `http://localhost:${ssoPort}`;
  const issuer = `${publicUrl}/auth/realms/${sso.spec.env.SSO_REALM ?? 'cern'}`;
  return {
    sso,
    adminSecret,
    issuer,
    tokenEndpoint: `${issuer}/api-access/token`,
    standardTokenEndpoint: `${issuer}/protocol/openid-connect/token`,
    jwksUri: `${issuer}/protocol/openid-connect/certs`,
    authzApiUrl: `${publicUrl}/api/v1.0`,
    admin: emulatorAdmin(sso.url, adminSecret),
    keysDirectory,
    stop,
  };
}
