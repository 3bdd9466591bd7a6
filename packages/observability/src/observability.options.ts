import type { LogOptions } from './logs/pino-http-options.js';

/** Where and how `/metrics` is served. */
export interface MetricsOptions {
  /** Serve `/metrics` on this port of its own (0: any free one) instead of the app's. Default: the app's. */
  port?: number;
  /** The address of that own port. Default `127.0.0.1`. */
  host?: string;
  /** When set, a scrape must send `Authorization: Bearer <secret>`. Default: open. */
  bearerSecret?: string;
}

export interface ObservabilityOptions {
  /** JSON logs through pino. */
  logs?: LogOptions;
  /** `/metrics` in Prometheus' text format, or `false` for none (the registry still exists). Default `{}`. */
  metrics?: MetricsOptions | false;
}
