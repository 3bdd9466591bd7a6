import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@cern-sso/api-access/server/nestjs';
import { type Response } from 'express';
import { JwksProbe, type JwksStatus } from './jwks-probe.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@Inject(JwksProbe) private readonly jwks: JwksProbe) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Readiness',
    description:
      'Public. Ready while the SSO signing keys are usable: `ok` when fresh, `degraded` when the ' +
      'JWKS cannot be fetched and the last good keys are still served (stale-on-outage).',
  })
  @ApiResponse({ status: 200, description: 'Ready (`ok` or `degraded`)' })
  @ApiResponse({
    status: 503,
    description: 'No usable signing keys: tokens cannot be verified',
  })
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; jwks: JwksStatus }> {
    const jwks = await this.jwks.status();
    response.status(jwks.state === 'unavailable' ? 503 : 200);
    const status = { fresh: 'ok', stale: 'degraded', unavailable: 'unavailable' }[jwks.state];
    return { status, jwks };
  }
}
