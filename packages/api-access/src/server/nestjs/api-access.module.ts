import { Logger, Module } from '@nestjs/common';
import { AccessTokenVerifier } from '../access-token-verifier.js';
import type { ApiAccessOptions } from '../options.js';
import { ApiAccessGuard } from './api-access.guard.js';
import { API_ACCESS_OPTIONS, ConfigurableModuleClass } from './api-access.module-definition.js';

/**
 * Provides the token verifier (options validated at bootstrap: a bad option fails the app
 * start, not every request) and `ApiAccessGuard`. It does not install the guard: each app
 * chooses, usually with `{ provide: APP_GUARD, useExisting: ApiAccessGuard }`.
 */
@Module({
  providers: [
    {
      provide: AccessTokenVerifier,
      inject: [API_ACCESS_OPTIONS],
      useFactory: (options: ApiAccessOptions) =>
        new AccessTokenVerifier({ logger: new Logger('ApiAccess'), ...options }),
    },
    ApiAccessGuard,
  ],
  exports: [AccessTokenVerifier, ApiAccessGuard],
})
export class ApiAccessModule extends ConfigurableModuleClass {}
