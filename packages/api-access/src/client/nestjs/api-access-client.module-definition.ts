import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ApiAccessClientModuleOptions } from './api-access-client.options.js';

export const {
  ConfigurableModuleClass: ApiAccessClientConfigurableModule,
  MODULE_OPTIONS_TOKEN: API_ACCESS_CLIENT_OPTIONS,
  OPTIONS_TYPE: API_ACCESS_CLIENT_OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE: API_ACCESS_CLIENT_ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ApiAccessClientModuleOptions>()
  .setClassMethodName('forRoot')
  // The app decides whether every module sees the client: global is opt-in.
  .setExtras({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
