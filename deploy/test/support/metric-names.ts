/**
 * Every metric the services expose (issue 18; the table with labels and meanings is
 * docs/metrics.md): what the alert rules and the dashboard may name. Histograms also expose
 * `_bucket`, `_sum` and `_count`.
 */
export const SERVICE_METRICS = [
  // Guard (APIs that accept tokens)
  'api_access_guard_decisions_total',
  'api_access_guard_verification_seconds',
  'api_access_jwks_fetches_total',
  'api_access_jwks_key_set_age_seconds',
  'api_access_jwks_stale',
  // Token client (callers)
  'api_access_token_requests_total',
  'api_access_token_cache_hits_total',
  'api_access_token_shared_requests_total',
  'api_access_token_retries_total',
  'api_access_token_expiry_seconds',
  // SSO emulator
  'sso_emulator_tokens_issued_total',
  'sso_emulator_token_refusals_total',
  'sso_emulator_key_rotations_total',
] as const;

const HISTOGRAMS = new Set(['api_access_guard_verification_seconds']);

/** prom-client's default process metrics that the dashboard uses, and Prometheus' own `up`. */
export const PROCESS_METRICS = [
  'up',
  'process_cpu_seconds_total',
  'process_resident_memory_bytes',
  'nodejs_eventloop_lag_p99_seconds',
] as const;

/** Is `name` a series some service (or Prometheus) exposes? */
export function isKnownMetric(name: string): boolean {
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return (
    (SERVICE_METRICS as readonly string[]).includes(name) ||
    (PROCESS_METRICS as readonly string[]).includes(name) ||
    (base !== name && HISTOGRAMS.has(base))
  );
}
