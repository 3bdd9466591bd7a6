import { ServiceProcess } from '@cern-sso/service-process';
import { type EmulatorAdmin } from './emulator-admin.js';
import { startEmulatorProcess } from './emulator-process.js';
import { mainOf } from './entry-points.js';

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
  /** Runs this built target-api instead of the workspace's (the workshop self-test's solved copy). */
  targetMain?: string;
  /** Aborting it while the stack starts stops what has started and cleans up; the start rejects. */
  signal?: AbortSignal;
}

export interface Stack {
  sso: ServiceProcess;
  target: ServiceProcess;
  caller: ServiceProcess;
  adminSecret: string;
  /** Key rotation, retirement and request counts of the emulator. */
  admin: EmulatorAdmin;
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
 * Starts the built emulator, target-api and caller in dependency order, each as a process, the
 * emulator as `startEmulatorProcess` does (its keys file goes with `stop()` and a failed start).
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const signal = options.signal;
  const emulator = await startEmulatorProcess({
    host,
    port: options.ports?.sso ?? 0,
    env: options.env?.sso ?? {},
    ...(signal ? { signal } : {}),
  });
  const target = new ServiceProcess({
    name: 'target-api',
    main: options.targetMain ?? mainOf('@cern-sso/target-api'),
    env: {
      HOST: host,
      PORT: String(options.ports?.target ?? 0),
      SSO_ISSUER: emulator.issuer,
      ...options.env?.target,
    },
  });
  const caller = new ServiceProcess({
    name: 'caller',
    main: mainOf('@cern-sso/caller'),
    env: {
      HOST: host,
      PORT: String(options.ports?.caller ?? 0),
      SSO_TOKEN_ENDPOINT: emulator.tokenEndpoint,
      AUTHZ_API_URL: emulator.authzApiUrl,
      ...options.env?.caller,
    },
  });
  const stop = async () => {
    await Promise.all([caller, target].map((service) => service.stop()));
    await emulator.stop();
  };
  // Stopping a service that is starting makes its start() reject, which lands in the catch below.
  const onAbort = () => void stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    // Checked before each start: a service spawned after an abort would outlive the launcher.
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
    sso: emulator.sso,
    target,
    caller,
    adminSecret: emulator.adminSecret,
    admin: emulator.admin,
    issuer: emulator.issuer,
    tokenEndpoint: emulator.tokenEndpoint,
    standardTokenEndpoint: emulator.standardTokenEndpoint,
    authzApiUrl: emulator.authzApiUrl,
    keysDirectory: emulator.keysDirectory,
    stop,
    logs: () => [emulator.sso, target, caller].map((service) => service.tail()).join('\n'),
  };
}
