import { ConfigurableModuleBuilder } from '@nestjs/common';
import type { ObservabilityOptions } from './observability.options.js';

export const {
  ConfigurableModuleClass: ObservabilityConfigurableModule,
  MODULE_OPTIONS_TOKEN: OBSERVABILITY_OPTIONS,
  OPTIONS_TYPE: OBSERVABILITY_OPTIONS_TYPE,
} = new ConfigurableModuleBuilder<ObservabilityOptions>().setClassMethodName('forRoot').build();
