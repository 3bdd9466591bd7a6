import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiResponse, ApiTags } from '@nestjs/swagger';
import { type ApiAccessPrincipal } from '@cern-sso/api-access/server';
import { CurrentPrincipal } from '@cern-sso/api-access/server/nestjs';
import { GuardedOperation } from '@cern-sso/api-access/server/nestjs/swagger';

@ApiTags('identity')
@ApiBearerAuth()
@Controller('whoami')
export class WhoamiController {
  @Get()
  @GuardedOperation({
    summary: 'The verified caller',
    description: 'Any valid API Access token for this API.',
  })
  @ApiResponse({
    status: 200,
    description: 'The principal: clientId (azp), subject, audience, roles, tokenId, isApplication',
  })
  whoami(@CurrentPrincipal() caller: ApiAccessPrincipal) {
    const { clientId, subject, audience, roles, tokenId, isApplication, expiresAt } = caller;
    return { clientId, subject, audience, roles, tokenId, isApplication, expiresAt };
  }
}
