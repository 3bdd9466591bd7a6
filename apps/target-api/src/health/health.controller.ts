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
    description: 'Public. Ready when the SSO signing keys (JWKS) can be fetched.',
  })
  @ApiResponse({ status: 200, description: 'Ready' })
  @ApiResponse({
    status: 503,
    description: 'The JWKS cannot be fetched: tokens cannot be verified',
  })
  async health(
    @Res({ passthrough: true }) response: Response,
  ): Promise<{ status: string; jwks: JwksStatus }> {
    const jwks = await this.jwks.status();
    response.status(jwks.reachable ? 200 : 503);
    return { status: jwks.reachable ? 'ok' : 'unavailable', jwks };
  }
}
