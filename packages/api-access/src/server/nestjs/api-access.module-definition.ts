import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ApiAccessOptions } from '../index.js';

/**
 * `ApiAccessModule.forRoot(options)` / `forRootAsync({ useFactory, inject, imports })`, with
 * `isGlobal` to make the verifier and guard injectable everywhere without re-importing.
 */
export const {
  ConfigurableModuleClass,
  MODULE_OPTIONS_TOKEN: API_ACCESS_OPTIONS,
  OPTIONS_TYPE,
  ASYNC_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ApiAccessOptions>()
  .setClassMethodName('forRoot')
  .setExtras({ isGlobal: false }, (definition, extras) => ({
    ...definition,
    global: extras.isGlobal,
  }))
  .build();
