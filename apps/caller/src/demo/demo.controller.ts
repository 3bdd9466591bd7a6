import { Controller, Get, Header, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { type Response } from 'express';
import { CALLER_CONFIG } from '../config/caller-config.js';
import { type CallerConfig } from '../config/env.schema.js';
import { toUpstreamFailure, type UpstreamFailure } from '../errors/upstream-failure.js';
import { TargetApi } from '../reports/target-api.js';
import { runScenario, type CallOutcome } from '@cern-sso/demo-scenario';

interface DemoResult extends Partial<UpstreamFailure> {
  statusCode?: number;
  identity: string;
  target: string;
  calls: CallOutcome[];
}

@Controller('demo')
export class DemoController {
  constructor(
    @Inject(TargetApi) private readonly target: TargetApi,
    @Inject(CALLER_CONFIG) private readonly config: CallerConfig,
  ) {}

  /**
   * Runs every call of the scenario against target-api as this caller; refusals are results.
   * When not one call reached the target (no token, target down), the answer is that failure's
   * 502 / 503 / 504, with every call and its reason still listed.
   */
  @Post()
  @HttpCode(200)
  async demo(@Res({ passthrough: true }) response: Response): Promise<DemoResult> {
    const errors: unknown[] = [];
    const calls = await runScenario(this.target.http, { onError: (_route, e) => errors.push(e) });
    const result = { identity: this.config.CALLER_CLIENT_ID, target: this.config.TARGET_API_URL };
    if (calls.some((call) => call.status !== 0)) return { ...result, calls };
    const failure = toUpstreamFailure(errors[0]);
    response.status(failure.status);
    return { statusCode: failure.status, ...failure, ...result, calls };
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
