import { ServiceProcess } from '@cern-sso/service-process';
import { mainOf, startEmulatorProcess } from './emulator.js';

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
  stop(): Promise<void>;
  /** The last log lines of every service, for a failure report. */
  logs(): string;
}

/**
 * Starts the built emulator, target-api and caller in dependency order, each as a process. The
 * emulator keeps its keys in a file so that restarting it (a test scenario) keeps tokens valid.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const host = options.host ?? '127.0.0.1';
  const { sso, adminSecret, issuer, authzApiUrl } = await startEmulatorProcess({
    host,
    ...(options.ports?.sso !== undefined ? { port: options.ports.sso } : {}),
    ...(options.env?.sso ? { env: options.env.sso } : {}),
  });

  const target = new ServiceProcess({
    name: 'target-api',
    main: mainOf('@cern-sso/target-api'),
    env: {
      HOST: host,
      PORT: String(options.ports?.target ?? 0),
      SSO_ISSUER: issuer,
      ...options.env?.target,
    },
  });
  const caller = new ServiceProcess({
    name: 'caller',
    main: mainOf('@cern-sso/caller'),
    env: {
      HOST: host,
      PORT: String(options.ports?.caller ?? 0),
      SSO_TOKEN_ENDPOINT: `${issuer}/api-access/token`,
      AUTHZ_API_URL: authzApiUrl,
      ...options.env?.caller,
    },
  });
  const services = [sso, target, caller];
  try {
    target.spec.env.PORT = new URL(await target.start()).port;
    caller.spec.env.TARGET_API_URL ??= target.url;
    caller.spec.env.PORT = new URL(await caller.start()).port;
  } catch (error) {
    await Promise.all(services.map((service) => service.stop()));
    throw error;
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
    stop: async () => {
      await Promise.all([caller, target, sso].map((service) => service.stop()));
    },
    logs: () => services.map((service) => service.tail()).join('\n'),
  };
}
