import { Inject, Logger, Module, type OnModuleDestroy } from '@nestjs/common';
import { AccessTokenVerifier, type ApiAccessOptions } from '../index.js';
import { ApiAccessGuard } from './api-access.guard.js';
import { API_ACCESS_OPTIONS, ConfigurableModuleClass } from './api-access.module-definition.js';
import { ApiAccessPassportStrategy } from './api-access.strategy.js';

/**
 * Provides the token verifier (options validated at bootstrap: a bad option fails the app
 * start, not every request), the `'api-access'` passport strategy and `ApiAccessGuard`. It does
 * not install the guard: each app chooses, usually with
 * `{ provide: APP_GUARD, useExisting: ApiAccessGuard }`. On shutdown the key set's background
 * refresh stops.
 */
@Module({
  providers: [
    {
      provide: AccessTokenVerifier,
      inject: [API_ACCESS_OPTIONS],
      useFactory: (options: ApiAccessOptions) =>
        new AccessTokenVerifier({ logger: new Logger('ApiAccess'), ...options }),
    },
    ApiAccessPassportStrategy,
    ApiAccessGuard,
  ],
  exports: [AccessTokenVerifier, ApiAccessGuard],
})
export class ApiAccessModule extends ConfigurableModuleClass implements OnModuleDestroy {
  constructor(@Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier) {
    super();
  }

  onModuleDestroy(): void {
    this.verifier.close();
  }
}
