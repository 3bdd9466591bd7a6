import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ApiAccessPrincipal } from '@cern-sso/api-access/server';
import { CurrentPrincipal } from '@cern-sso/api-access/server/nestjs';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('whoami')
export class WhoamiController {
  @Get()
  @ApiOperation({
    summary: 'The verified caller',
    description: 'Any valid API Access token for this API; no role needed.',
  })
  @ApiResponse({
    status: 200,
    description: 'The principal: clientId (azp), subject, audience, roles, tokenId, isApplication',
  })
  @ApiResponse({ status: 401, description: 'No token, or an invalid one (see WWW-Authenticate)' })
  whoami(@CurrentPrincipal() caller: ApiAccessPrincipal) {
    const { clientId, subject, audience, roles, tokenId, isApplication, expiresAt } = caller;
    return { clientId, subject, audience, roles, tokenId, isApplication, expiresAt };
  }
}
