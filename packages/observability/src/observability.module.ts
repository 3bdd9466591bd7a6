import { Module, type DynamicModule } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { PinoNestLogger } from './logs/pino-nest-logger.js';
import { RequestLogging } from './logs/request-logging.js';
import { MetricsEndpoint } from './metrics/metrics-endpoint.js';
import {
  ObservabilityConfigurableModule,
  type OBSERVABILITY_OPTIONS_TYPE,
} from './observability.module-definition.js';

/**
 * JSON logs with request ids (pino, pino-http) and a prom-client `Registry` with the process
 * metrics, served at `/metrics`. Global: every module may inject `Registry` to add its own
 * collectors. The app calls `useObservability(app)` so that requests are logged and Nest's own
 * lines (every `new Logger(context)`) go through pino too.
 */
@Module({})
export class ObservabilityModule extends ObservabilityConfigurableModule {
  static override forRoot(options: typeof OBSERVABILITY_OPTIONS_TYPE): DynamicModule {
    const base = super.forRoot(options);
    return {
      ...base,
      global: true,
      providers: [
        ...(base.providers ?? []),
        {
          provide: Registry,
          useFactory: () => {
            const registry = new Registry();
            collectDefaultMetrics({ register: registry });
            return registry;
          },
        },
        { provide: RequestLogging, useFactory: () => new RequestLogging(options.logs ?? {}) },
        {
          provide: PinoNestLogger,
          inject: [RequestLogging],
          useFactory: (logging: RequestLogging) => new PinoNestLogger(logging.http.logger),
        },
        MetricsEndpoint,
      ],
      exports: [Registry, MetricsEndpoint, RequestLogging, PinoNestLogger],
    };
  }
}
