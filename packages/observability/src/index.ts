// Logs and metrics every demo service shares: pino JSON logs with request ids, and a
// prom-client registry served at /metrics.
export { OBSERVABILITY_ENV, observabilityOptions } from './env.js';
export { AccessDecisionLog } from './logs/access-decision-log.js';
export { pinoHttpOptions, type LogFormat, type LogOptions } from './logs/pino-http-options.js';
export { PinoNestLogger } from './logs/pino-nest-logger.js';
export { REQUEST_ID_PATTERN, requestId } from './logs/request-id.js';
export { RequestLogging } from './logs/request-logging.js';
export { metricsHandler } from './metrics/metrics-handler.js';
export { MetricsEndpoint } from './metrics/metrics-endpoint.js';
export { OBSERVABILITY_OPTIONS } from './observability.module-definition.js';
export { ObservabilityModule } from './observability.module.js';
export type { MetricsOptions, ObservabilityOptions } from './observability.options.js';
export { useObservability } from './use-observability.js';
