import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiAccessGuard, ApiAccessModule } from '@cern-sso/api-access/server/nestjs';
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
  static with(config: BenchAppConfig): DynamicModule {
    return {
      module: BenchAppModule,
      imports: [ApiAccessModule.forRoot({ issuer: config.issuer, clientId: config.clientId })],
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
