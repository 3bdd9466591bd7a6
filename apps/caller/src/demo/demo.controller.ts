import { Controller, Get, Header, HttpCode, Inject, Post } from '@nestjs/common';
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
  @Post()
  @HttpCode(200)
  async demo(): Promise<{ identity: string; target: string; calls: CallOutcome[] }> {
    return {
      identity: this.config.CALLER_CLIENT_ID,
      target: this.config.TARGET_API_URL,
      calls: await runScenario(this.target.http),
    };
  }

  /** The scenario writes, and any page can make a browser send a GET (an <img> is enough). */
  @Get()
  @HttpCode(405)
  @Header('Allow', 'POST')
  notOnGet(): { statusCode: 405; error: string; reason: string } {
    return {
      statusCode: 405,
      error: 'method_not_allowed',
      reason:
        'the demo creates and deletes a report in target-api, so it runs on POST /demo only ' +
        '(curl -X POST <caller>/demo)',
    };
  }
}
