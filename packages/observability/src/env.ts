import { optionalInteger, optionalSecret, text } from '@cern-sso/env';
import type { Level } from 'pino';
import type { LogFormat } from './logs/pino-http-options.js';
import type { ObservabilityOptions } from './observability.options.js';

/** The variables every service reads for its logs and `/metrics`; spread into its env schema. */
export const OBSERVABILITY_ENV = {
  /** Lowest level logged. */
  LOG_LEVEL: text(
    'info',
    /^(fatal|error|warn|info|debug|trace|silent)$/,
    'one of fatal, error, warn, info, debug, trace, silent',
  ),
  /** `pretty` for people at a terminal (ignored when stdout is not one); JSON otherwise. */
  LOG_FORMAT: text('json', /^(json|pretty)$/, '"json" or "pretty"'),
  /** Whether `/metrics` is served at all. */
  METRICS: text('on', /^(on|off)$/, '"on" or "off"'),
  /** Serve `/metrics` on this port (on the service's HOST) instead of the service's own. */
  METRICS_PORT: optionalInteger(0, 65535),
  /** When set, a scrape must send `Authorization: Bearer <this>`. */
  METRICS_BEARER_SECRET: optionalSecret(16),
};

type ObservabilityEnv = {
  LOG_LEVEL: string;
  LOG_FORMAT: string;
  METRICS: string;
  METRICS_PORT: number | undefined;
  METRICS_BEARER_SECRET: string | undefined;
  HOST: string;
};

/** The module's options from a service's validated environment. */
export function observabilityOptions(env: ObservabilityEnv): ObservabilityOptions {
  return {
    logs: { level: env.LOG_LEVEL as Level | 'silent', format: env.LOG_FORMAT as LogFormat },
    metrics:
      env.METRICS === 'off'
        ? false
        : {
            ...(env.METRICS_PORT === undefined ? {} : { port: env.METRICS_PORT, host: env.HOST }),
            ...(env.METRICS_BEARER_SECRET === undefined
              ? {}
              : { bearerSecret: env.METRICS_BEARER_SECRET }),
          },
  };
}
