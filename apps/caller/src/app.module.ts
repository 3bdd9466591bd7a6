import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import axios from 'axios';
import { combineTokenClientObservers } from '@cern-sso/api-access/client';
import { ApiAccessClientModule } from '@cern-sso/api-access/client/nestjs';
import { TokenClientMetrics } from '@cern-sso/api-access/metrics';
import {
  ObservabilityModule,
  observabilityOptions,
  type LogOptions,
} from '@cern-sso/observability';
import { Registry } from 'prom-client';
import { stopTracing, traceAxios } from '@cern-sso/tracing';
import { CALLER_CONFIG } from './config/caller-config.js';
import { type CallerConfig } from './config/env.schema.js';
import { DemoController } from './demo/demo.controller.js';
import { UpstreamErrorFilter } from './errors/upstream-error.filter.js';
import { CredentialsCheck } from './health/credentials-check.js';
import { HealthController } from './health/health.controller.js';
import { AUTHZ_API_TARGET, AuthzApi } from './me/authz-api.js';
import { MeController } from './me/me.controller.js';
import { TokenRequestLog } from './observability/token-request-log.js';
import { ReportsController } from './reports/reports.controller.js';
import { TargetApi } from './reports/target-api.js';

@Module({})
export class AppModule implements OnApplicationShutdown {
  /** After the server has closed: the spans of the last requests go out before the process. */
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }

  /** `logs` overrides where and what is logged (tests capture it); default: as configured. */
  static with(config: CallerConfig, logs?: LogOptions): DynamicModule {
    const observability = observabilityOptions(config);
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ ...observability, logs: { ...observability.logs, ...logs } }),
        ApiAccessClientModule.forRootAsync({
          // Every token request is counted and logged, from the token client.
          inject: [Registry],
          useFactory: (registry: Registry) => ({
            tokenEndpoint: config.SSO_TOKEN_ENDPOINT,
            clientId: config.CALLER_CLIENT_ID,
            clientSecret: config.CALLER_CLIENT_SECRET,
            // Each token request is a span of its own (when tracing is on).
            http: traceAxios(axios.create(), { peer: 'sso-token-endpoint' }),
            observer: combineTokenClientObservers(
              new TokenClientMetrics({ registry }),
              new TokenRequestLog(),
            ),
            targets: [
              {
                name: 'target-api',
                audience: config.TARGET_API_AUDIENCE,
                baseURL: config.TARGET_API_URL,
                timeoutMs: config.TARGET_API_TIMEOUT_MS,
              },
              {
                name: AUTHZ_API_TARGET,
                audience: AUTHZ_API_TARGET,
                baseURL: config.AUTHZ_API_URL,
                timeoutMs: config.AUTHZ_API_TIMEOUT_MS,
              },
            ],
          }),
        }),
      ],
      controllers: [HealthController, DemoController, ReportsController, MeController],
      providers: [
        { provide: CALLER_CONFIG, useValue: config },
        { provide: APP_FILTER, useClass: UpstreamErrorFilter },
        TargetApi,
        AuthzApi,
        CredentialsCheck,
      ],
    };
  }
}
