import { Module } from '@nestjs/common';
import { TokenClient } from '../index.js';
import { ApiAccessTargets } from './api-access-targets.js';
import {
  API_ACCESS_CLIENT_OPTIONS,
  ApiAccessClientConfigurableModule,
} from './api-access-client.module-definition.js';
import type { ApiAccessClientModuleOptions } from './api-access-client.options.js';

/**
 * Provides the `TokenClient` (inject it by its class) and `ApiAccessTargets`.
 *
 * @example
 * ApiAccessClientModule.forRoot({ tokenEndpoint, clientId, clientSecret,
 *   targets: [{ name: 'reports', audience: 'reports-api', baseURL: 'http://localhost:3001' }] })
 */
@Module({
  providers: [
    {
      provide: TokenClient,
      // Options are validated here, so a bad configuration fails the app's bootstrap.
      useFactory: ({ targets: _targets, ...options }: ApiAccessClientModuleOptions) =>
        new TokenClient(options),
      inject: [API_ACCESS_CLIENT_OPTIONS],
    },
    ApiAccessTargets,
  ],
  exports: [TokenClient, ApiAccessTargets],
})
export class ApiAccessClientModule extends ApiAccessClientConfigurableModule {}
