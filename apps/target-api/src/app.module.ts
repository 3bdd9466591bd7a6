import { type DynamicModule, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAccessGuardMetrics } from '@cern-sso/api-access/metrics';
import { combineObservers } from '@cern-sso/api-access/server';
import { ApiAccessGuard, ApiAccessModule } from '@cern-sso/api-access/server/nestjs';
import { stopTracing } from '@cern-sso/tracing';
import {
  AccessDecisionLog,
  ObservabilityModule,
  observabilityOptions,
  type LogOptions,
} from '@cern-sso/observability';
import { Registry } from 'prom-client';
import { type TargetApiConfig } from './config/env.schema.js';
import { HealthController } from './health/health.controller.js';
import { IssuerProbe } from './health/issuer-probe.js';
import { JwksProbe } from './health/jwks-probe.js';
import { SsoStartupCheck } from './health/sso-startup-check.js';
import { ReportsController } from './reports/reports.controller.js';
import { ReportsService } from './reports/reports.service.js';
import { openReportsStore } from './reports/store/open-reports-store.js';
import { ReportsStore } from './reports/store/reports.store.js';
import { WhoamiController } from './whoami/whoami.controller.js';

@Module({})
export class AppModule implements OnApplicationShutdown {
  /** After the server has closed: the spans of the last requests go out before the process. */
  onApplicationShutdown(): Promise<void> {
    return stopTracing();
  }

  /** `logs` overrides where and what is logged (tests capture it); default: as configured. */
  static with(config: TargetApiConfig, logs?: LogOptions): DynamicModule {
    const observability = observabilityOptions(config);
    return {
      module: AppModule,
      imports: [
        ObservabilityModule.forRoot({ ...observability, logs: { ...observability.logs, ...logs } }),
        ApiAccessModule.forRootAsync({
          // Every decision is counted and logged once, from the guard.
          inject: [Registry],
          useFactory: (registry: Registry) => ({
            issuer: config.SSO_ISSUER,
            clientId: config.API_CLIENT_ID,
            ...(config.SSO_JWKS_URI ? { jwksUri: config.SSO_JWKS_URI } : {}),
            rolesClaim: config.SSO_ROLES_CLAIM,
            algorithms: config.SSO_ALGORITHMS.split(','),
            observer: combineObservers(
              new ApiAccessGuardMetrics({ registry, maxCallers: config.METRICS_MAX_CALLERS }),
              new AccessDecisionLog(),
            ),
          }),
        }),
      ],
      controllers: [HealthController, WhoamiController, ReportsController],
      providers: [
        ReportsService,
        { provide: ReportsStore, useFactory: () => openReportsStore(config) },
        JwksProbe,
        IssuerProbe,
        SsoStartupCheck,
        // This app chooses to guard every route; open ones say @Public().
        { provide: APP_GUARD, useExisting: ApiAccessGuard },
      ],
    };
  }
}
