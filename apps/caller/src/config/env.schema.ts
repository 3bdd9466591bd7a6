import { integer, readEnv, secret, text, url } from '@cern-sso/env';
import { TRACING_ENV } from '@cern-sso/tracing';
import { OBSERVABILITY_ENV } from '@cern-sso/observability';

/**
 * The caller's environment. The defaults are the local emulator's demo identity, so the demo
 * runs with no configuration; against the real SSO set all of them.
 */
export const CALLER_ENV = {
  PORT: integer(3000, 0, 65535),
  HOST: text('127.0.0.1'),
  CALLER_CLIENT_ID: text('caller', /^[A-Za-z0-9._:-]+$/, 'a client id'),
  CALLER_CLIENT_SECRET: secret('caller-secret'),
  SSO_TOKEN_ENDPOINT: url('http://localhost:8080/auth/realms/cern/api-access/token'),
  TARGET_API_URL: url('http://localhost:3001'),
  TARGET_API_AUDIENCE: text('target-api', /^[A-Za-z0-9._:-]+$/, 'a client id'),
  /** Timeout of one call to target-api, in ms: a hung target becomes a 504, never a hang. */
  TARGET_API_TIMEOUT_MS: integer(5000, 1, 60_000),
  /** CERN's Authorization Service API; production: https://authorization-service-api.web.cern.ch/api/v1.0 */
  AUTHZ_API_URL: url('http://localhost:8080/api/v1.0'),
  /** Timeout of one call to the Authorization Service API, in ms. */
  AUTHZ_API_TIMEOUT_MS: integer(5000, 1, 60_000),
  ...TRACING_ENV,
  ...OBSERVABILITY_ENV,
};

export type CallerConfig = ReturnType<typeof readCallerEnv>;

export function readCallerEnv(env: Record<string, string | undefined>) {
  return readEnv(CALLER_ENV, env);
}
