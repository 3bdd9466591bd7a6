import { fileURLToPath } from 'node:url';
import { integer, optionalSecret, optionalText, optionalUrl, readEnv, text } from '@cern-sso/env';
import { TRACING_ENV } from '@cern-sso/tracing';
import { OBSERVABILITY_ENV, observabilityOptions } from '@cern-sso/observability';
import { type EmulatorConfig } from './emulator-config.js';

export const DEFAULT_REGISTRY_PATH = fileURLToPath(new URL('../../registry.yaml', import.meta.url));

/** The emulator's environment variables, documented in docs/sso-emulator.md. */
export const EMULATOR_ENV = {
  PORT: integer(8080, 0, 65535),
  HOST: text('127.0.0.1'),
  SSO_PUBLIC_URL: optionalUrl(),
  SSO_REALM: text('cern', /^[A-Za-z0-9._-]+$/, "letters, digits, '.', '_' or '-'"),
  SSO_TOKEN_LIFETIME: integer(1200, 1, 86_400),
  SSO_ADMIN_SECRET: optionalSecret(8),
  SSO_REGISTRY: text(DEFAULT_REGISTRY_PATH),
  SSO_KEYS_FILE: optionalText(),
  ...TRACING_ENV,
  ...OBSERVABILITY_ENV,
};

/** Reads the emulator's configuration; a bad environment throws with every bad variable listed. */
export function parseEmulatorEnv(env: Record<string, string | undefined>): EmulatorConfig {
  const vars = readEnv(EMULATOR_ENV, env);
  return {
    port: vars.PORT,
    host: vars.HOST,
    publicUrl: vars.SSO_PUBLIC_URL,
    realm: vars.SSO_REALM,
    tokenLifetimeSec: vars.SSO_TOKEN_LIFETIME,
    adminSecret: vars.SSO_ADMIN_SECRET,
    registryPath: vars.SSO_REGISTRY,
    keysFile: vars.SSO_KEYS_FILE,
    otlpEndpoint: vars.OTEL_EXPORTER_OTLP_ENDPOINT,
    observability: observabilityOptions(vars),
  };
}
