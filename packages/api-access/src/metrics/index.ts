// Public surface of `@cern-sso/api-access/metrics`: Prometheus metrics through prom-client (an
// optional peer dependency: install it to use this subpath).
export { ApiAccessGuardMetrics, type GuardMetricsOptions } from './guard-metrics.js';
export { TokenClientMetrics, type TokenClientMetricsOptions } from './token-client-metrics.js';
