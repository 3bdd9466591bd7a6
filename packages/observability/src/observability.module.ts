import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { pinoHttpOptions } from './logs/pino-http-options.js';
import { MetricsEndpoint } from './metrics/metrics-endpoint.js';
import {
  ObservabilityConfigurableModule,
  type OBSERVABILITY_OPTIONS_TYPE,
} from './observability.module-definition.js';

/**
 * JSON logs with request ids (nestjs-pino) and a prom-client `Registry` with the process
 * metrics, served at `/metrics`. Global: every module may inject `Registry` to add its own
 * collectors and `PinoLogger` to log. The app still calls `app.useLogger(app.get(Logger))` so
 * that Nest's own lines go through pino too.
 */
@Module({})
export class ObservabilityModule extends ObservabilityConfigurableModule {
  // The logger's options decide an import, which an async factory cannot: forRoot only.
  static override forRoot(options: typeof OBSERVABILITY_OPTIONS_TYPE): DynamicModule {
    const base = super.forRoot(options);
    return {
      ...base,
      global: true,
      imports: [LoggerModule.forRoot({ pinoHttp: pinoHttpOptions(options.logs ?? {}) })],
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
        MetricsEndpoint,
      ],
      exports: [Registry, MetricsEndpoint],
    };
  }
}
