import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAccessGuardMetrics } from '@cern-sso/api-access/metrics';
import { combineObservers } from '@cern-sso/api-access/server';
import { ApiAccessGuard, ApiAccessModule } from '@cern-sso/api-access/server/nestjs';
import { AccessDecisionLog, ObservabilityModule, type LogOptions } from '@cern-sso/observability';
import { Registry } from 'prom-client';
import { BenchController } from './bench.controller.js';
import { TutorialJwtStrategy } from './tutorial-jwt.strategy.js';

export interface BenchAppConfig {
  /** `iss` of the tokens, e.g. the emulator's realm URL. */
  issuer: string;
  /** The API's client id, the tokens' `aud`. */
  clientId: string;
}

/**
 * target-api's wiring (ApiAccessModule + an app-wide ApiAccessGuard), with the tutorial
 * strategy mounted beside it in the same app so both are measured under the same load.
 */
@Module({})
export class BenchAppModule {
  static with(config: BenchAppConfig, logs: LogOptions = {}): DynamicModule {
    return {
      module: BenchAppModule,
      imports: [
        // As target-api: JSON request logs, a decision line and the guard's metrics per decision.
        ObservabilityModule.forRoot({ logs }),
        ApiAccessModule.forRootAsync({
          inject: [Registry],
          useFactory: (registry: Registry) => ({
            issuer: config.issuer,
            clientId: config.clientId,
            observer: combineObservers(
              new ApiAccessGuardMetrics({ registry }),
              new AccessDecisionLog(),
            ),
          }),
        }),
      ],
      controllers: [BenchController],
      providers: [
        { provide: APP_GUARD, useExisting: ApiAccessGuard },
        {
          provide: TutorialJwtStrategy,
          useFactory: () =>
            new TutorialJwtStrategy({ issuer: config.issuer, audience: config.clientId }),
        },
      ],
    };
  }
}
