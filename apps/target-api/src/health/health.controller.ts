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
      'Public. Ready when the SSO signing keys (JWKS) can be fetched and the SSO names the issuer this API expects.',
  })
  @ApiResponse({ status: 200, description: 'Ready' })
  @ApiResponse({
    status: 503,
    description:
      'The JWKS cannot be fetched, or the SSO names another issuer: tokens cannot be accepted',
  })
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; jwks: JwksStatus; issuer: IssuerStatus }> {
    const [jwks, issuer] = await Promise.all([this.jwks.status(), this.issuer.status()]);
    const ready = jwks.reachable && issuer.matches;
    response.status(ready ? 200 : 503);
    return { status: ready ? 'ok' : 'unavailable', jwks, issuer };
  }
}
