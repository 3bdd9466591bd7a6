import { optionalUrl } from '@cern-sso/env';

/**
 * The variable that turns tracing on. A service spreads it into its env schema, so a bad value
 * stops the service at start with its other bad variables.
 */
export const TRACING_ENV = {
  /** OTLP/HTTP collector, e.g. http://localhost:4318 (spans go to `<url>/v1/traces`). Unset: off. */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl(),
};
