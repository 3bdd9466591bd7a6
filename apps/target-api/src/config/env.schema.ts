import { integer, optionalPostgresUrl, optionalUrl, readEnv, text, url } from '@cern-sso/env';

/** target-api's environment; a bad one stops it at start with every bad variable listed. */
export const TARGET_API_ENV = {
  PORT: integer(3001, 0, 65535),
  HOST: text('127.0.0.1'),
  /** Exact `iss` of accepted tokens: the SSO realm URL as the callers' tokens carry it. */
  SSO_ISSUER: url('http://localhost:8080/auth/realms/cern'),
  /** Default: the issuer's Keycloak JWKS path. */
  SSO_JWKS_URI: optionalUrl(),
  /** This API's client id: accepted tokens carry it in `aud`. */
  API_CLIENT_ID: text('target-api', /^[A-Za-z0-9._:-]+$/, 'a client id'),
  /** Where reports live, shared by every replica; unset: in memory, per process. */
  DATABASE_URL: optionalPostgresUrl(),
  /** Database connections per replica. */
  DATABASE_POOL_SIZE: integer(10, 1, 100),
};

export type TargetApiConfig = ReturnType<typeof readTargetApiEnv>;

export function readTargetApiEnv(env: Record<string, string | undefined>) {
  return readEnv(TARGET_API_ENV, env);
}
