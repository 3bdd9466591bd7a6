import { integer, optionalPostgresUrl, optionalUrl, readEnv, text, url } from '@cern-sso/env';
import { TRACING_ENV } from '@cern-sso/tracing';
import { OBSERVABILITY_ENV } from '@cern-sso/observability';

/** target-api's environment; a bad one stops it at start with every bad variable listed. */
export const TARGET_API_ENV = {
  PORT: integer(3001, 0, 65535),
  HOST: text('127.0.0.1'),
  /** Exact `iss` of accepted tokens: the SSO realm URL as the callers' tokens carry it. */
  SSO_ISSUER: url('http://localhost:8080/auth/realms/cern'),
  /** Default: `jwks_uri` from the issuer's discovery document (Keycloak's path if that fails). */
  SSO_JWKS_URI: optionalUrl(),
  /** Where the caller's roles are in the token: a dotted claim path. */
  SSO_ROLES_CLAIM: text('cern_roles', /^[^.\s]+(\.[^.\s]+)*$/, 'a dotted claim path'),
  /** Accepted token signature algorithms, comma-separated. */
  SSO_ALGORITHMS: text(
    'RS256',
    /^(RS|PS|ES)(256|384|512)(,(RS|PS|ES)(256|384|512))*$/,
    'a comma-separated list of RS256, PS256, ES256 (or 384, 512)',
  ),
  /** This API's client id: accepted tokens carry it in `aud`. */
  API_CLIENT_ID: text('target-api', /^[A-Za-z0-9._:-]+$/, 'a client id'),
  /** Where reports live, shared by every replica; unset: in memory, per process. */
  DATABASE_URL: optionalPostgresUrl(),
  /** Database connections per replica. */
  DATABASE_POOL_SIZE: integer(10, 1, 100),
  /** Caller client ids counted by name in the decision metric; later ones count as `other`. */
  METRICS_MAX_CALLERS: integer(50, 0, 10_000),
  ...OBSERVABILITY_ENV,
  ...TRACING_ENV,
};

export type TargetApiConfig = ReturnType<typeof readTargetApiEnv>;

export function readTargetApiEnv(env: Record<string, string | undefined>) {
  return readEnv(TARGET_API_ENV, env);
}
