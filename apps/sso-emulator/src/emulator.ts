import 'reflect-metadata';
import { type AddressInfo } from 'node:net';
import { type INestApplication } from '@nestjs/common';
import {
  type LogOptions,
  type ObservabilityOptions,
  useObservability,
} from '@cern-sso/observability';
import { NestFactory } from '@nestjs/core';
import { securityHeaders } from '@cern-sso/http-hardening';
import { traceRequests } from '@cern-sso/tracing';
import { type EmulatorConfig } from './config/emulator-config.js';
import { Realm } from './http/realm.js';
import { KeyStore } from './keys/key-store.js';
import { readKeysFile, writeKeysFile } from './keys/keys-file.js';
import { Registry } from './registry/registry.js';
import { EmulatorModule } from './emulator.module.js';

export interface EmulatorOptions {
  config: EmulatorConfig;
  /** Defaults to the registry file named by `config.registryPath`. */
  registry?: Registry;
  /** Defaults to `config.keysFile`, or a fresh key in memory. */
  keys?: KeyStore;
  now?: () => number;
  /** Where log lines go instead of stdout (a test's captured lines); `false` silences them. */
  logs?: LogOptions['destination'] | false;
}

export interface RunningEmulator {
  app: INestApplication;
  realm: Realm;
  keys: KeyStore;
  /** Where the server listens, e.g. http://127.0.0.1:41234 (the issuer may name another host). */
  url: string;
  close(): Promise<void>;
}

/** Loads the registry and keys (failing with a clear message), then listens. */
export async function startEmulator(options: EmulatorOptions): Promise<RunningEmulator> {
  const { config } = options;
  const registry = options.registry ?? (await Registry.load(config.registryPath));
  const keys =
    options.keys ??
    (config.keysFile ? await readKeysFile(config.keysFile) : await KeyStore.generate());
  const { keysFile } = config;
  // Rotations and retirements are written back, so a restart keeps the keys tokens were signed with.
  if (keysFile) keys.persistWith((store) => writeKeysFile(keysFile, store));
  const realm = new Realm(config);
  const app = await NestFactory.create(
    EmulatorModule.with({
      realm,
      registry,
      keys,
      now: options.now ?? Date.now,
      observability: withLogs(config.observability ?? {}, options.logs),
    }),
    // Nest's own lines wait for pino, then go through it like every other line.
    { bodyParser: false, bufferLogs: true, abortOnError: false },
  );
  useObservability(app);
  // A span per request when tracing is on (first, so refusals are traced too); helmet's headers
  // on every answer, the portal page sets its own, stricter CSP on top.
  app.use(traceRequests(), securityHeaders());
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  realm.bind(port);
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return { app, realm, keys, url: `http://${host}:${port}`, close: () => app.close() };
}

function withLogs(
  observability: ObservabilityOptions,
  logs: EmulatorOptions['logs'],
): ObservabilityOptions {
  if (logs === undefined) return observability;
  const override: LogOptions = logs === false ? { level: 'silent' } : { destination: logs };
  return { ...observability, logs: { ...observability.logs, ...override } };
}
