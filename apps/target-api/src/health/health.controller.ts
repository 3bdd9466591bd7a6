import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@cern-sso/api-access/server/nestjs';
import { type Response } from 'express';
import { IssuerProbe, type IssuerStatus } from './issuer-probe.js';
import { JwksProbe, type JwksStatus } from './jwks-probe.js';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(JwksProbe) private readonly jwks: JwksProbe,
    @Inject(IssuerProbe) private readonly issuer: IssuerProbe,
  ) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'Readiness',
    description:
      'Public. Ready while the SSO signing keys are usable and the SSO names the issuer this API ' +
      'expects: `ok` when the keys are fresh, `degraded` when the JWKS cannot be fetched and the ' +
      'last good keys are still served (stale-on-outage).',
  })
  @ApiResponse({ status: 200, description: 'Ready (`ok` or `degraded`)' })
  @ApiResponse({
    status: 503,
    description:
      'No usable signing keys, or the SSO names another issuer: tokens cannot be accepted',
  })
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; jwks: JwksStatus; issuer: IssuerStatus }> {
    const [jwks, issuer] = await Promise.all([this.jwks.status(), this.issuer.status()]);
    const ready = jwks.state !== 'unavailable' && issuer.matches;
    response.status(ready ? 200 : 503);
    const status = !ready ? 'unavailable' : jwks.state === 'stale' ? 'degraded' : 'ok';
    return { status, jwks, issuer };
  }
}
