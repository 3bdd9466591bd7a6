import { Controller, Get, Inject } from '@nestjs/common';
import { CALLER_CONFIG } from '../config/caller-config.js';
import { type CallerConfig } from '../config/env.schema.js';
import { TargetApi } from '../reports/target-api.js';
import { runScenario, type CallOutcome } from './scenario.js';

@Controller('demo')
export class DemoController {
  constructor(
    @Inject(TargetApi) private readonly target: TargetApi,
    @Inject(CALLER_CONFIG) private readonly config: CallerConfig,
  ) {}

  /** Runs every call of the scenario against target-api as this caller; refusals are results. */
  @Get()
  async demo(): Promise<{ identity: string; target: string; calls: CallOutcome[] }> {
    return {
      identity: this.config.CALLER_CLIENT_ID,
      target: this.config.TARGET_API_URL,
      calls: await runScenario(this.target.http),
    };
  }
}
