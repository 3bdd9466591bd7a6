import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ServiceProcess } from '@cern-sso/service-process';
import { mainOf } from './emulator-process.js';

export interface StackOptions {
  /** Fixed ports (for `pnpm start`); 0 or absent picks free ones. */
  ports?: { sso?: number; target?: number; caller?: number };
  /** Extra environment per service. */
  env?: {
    sso?: Record<string, string>;
    target?: Record<string, string>;
    caller?: Record<string, string>;
  };
  host?: string;
  /** Aborting it while the stack starts stops what has started and cleans up; the start rejects. */
  signal?: AbortSignal;
}

export interface Stack {
  sso: ServiceProcess;
  target: ServiceProcess;
  caller: ServiceProcess;
  adminSecret: string;
  /** `iss` of every token: the emulator's realm URL. */
  issuer: string;
  tokenEndpoint: string;
  standardTokenEndpoint: string;
  /** The emulator's Authorization Service API, e.g. http://localhost:8080/api/v1.0. */
  authzApiUrl: string;
  /** The directory that holds the emulator's private signing keys while the stack runs. */
  keysDirectory: string;
  /** Stops every service and removes `keysDirectory`. */
  stop(): Promise<void>;
  /** The last log lines of every service, for a failure report. */
  logs(): string;
}

/**
 * Starts the built emulator, target-api and caller in dependency order, each as a process. The
 * emulator keeps its keys in a file so that restarting it (a test scenario) keeps tokens valid;
 * that file is private key material, so the directory goes with `stop()` and with a failed start.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const signal = options.signal;
  signal?.throwIfAborted();
  const adminSecret =
    options.env?.sso?.SSO_ADMIN_SECRET ?? `dev-admin-${randomBytes(9).toString('base64url')}`;
  const keysDirectory = await mkdtemp(join(tmpdir(), 'sso-emulator-keys-'));
  const keysFile = join(keysDirectory, 'keys.json');

  const sso = new ServiceProcess({
    name: 'sso-emulator',
    main: mainOf('@cern-sso/sso-emulator'),
    env: {
      HOST: host,
      PORT: String(options.ports?.sso ?? 0),
      SSO_ADMIN_SECRET: adminSecret,
      SSO_KEYS_FILE: keysFile,
      ...options.env?.sso,
    },
  });
  const target = new ServiceProcess({
    name: 'target-api',
    main: mainOf('@cern-sso/target-api'),
    env: { HOST: host, PORT: String(options.ports?.target ?? 0), ...options.env?.target },
  });
  const caller = new ServiceProcess({
    name: 'caller',
    main: mainOf('@cern-sso/caller'),
    env: { HOST: host, PORT: String(options.ports?.caller ?? 0), ...options.env?.caller },
  });
  const services = [sso, target, caller];
  const stop = async () => {
    await Promise.all([caller, target, sso].map((service) => service.stop()));
    await rm(keysDirectory, { recursive: true, force: true });
  };
  // Stopping a service that is starting makes its start() reject, which lands in the catch below.
  const onAbort = () => void stop();
  signal?.addEventListener('abort', onAbort, { once: true });

  let issuer: string;
  let authzApiUrl: string;
  try {
    execFileSync(process.execPath, [
      join(dirname(mainOf('@cern-sso/sso-emulator')), 'cli', 'create-keys.js'),
      keysFile,
    ]);
    // Checked before each start: a service spawned after an abort would outlive the launcher.
    signal?.throwIfAborted();
    const ssoUrl = await sso.start();
    // Pin the port so a restart of the emulator comes back at the same address.
    const ssoPort = new URL(ssoUrl).port;
    sso.spec.env.PORT = ssoPort;
    const publicUrl = sso.spec.env.SSO_PUBLIC_URL ?? `http://localhost:${ssoPort}`;
    issuer = `${publicUrl}/auth/realms/cern`;
    authzApiUrl = `${publicUrl}/api/v1.0`;
    target.spec.env.SSO_ISSUER ??= issuer;
    caller.spec.env.SSO_TOKEN_ENDPOINT ??= `${issuer}/api-access/token`;
    caller.spec.env.AUTHZ_API_URL ??= authzApiUrl;

    signal?.throwIfAborted();
    target.spec.env.PORT = new URL(await target.start()).port;
    caller.spec.env.TARGET_API_URL ??= target.url;
    signal?.throwIfAborted();
    caller.spec.env.PORT = new URL(await caller.start()).port;
    signal?.throwIfAborted();
  } catch (error) {
    await stop();
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
  return {
    sso,
    target,
    caller,
    adminSecret,
    issuer,
    tokenEndpoint: `${issuer}/api-access/token`,
    standardTokenEndpoint: `${issuer}/protocol/openid-connect/token`,
    authzApiUrl,
    keysDirectory,
    stop,
    logs: () => services.map((service) => service.tail()).join('\n'),
  };
}
