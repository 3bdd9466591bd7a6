import {
  Controller,
  Header,
  HttpCode,
  Inject,
  Post,
  Req,
  UseFilters,
  UseGuards,
} from '@nestjs/common';
import { KnownRealmGuard } from '../http/realm.js';
import { type Request } from 'express';
import { OAuthErrorFilter } from './oauth-error.filter.js';
import { readTokenForm } from './token-form.js';
import { type TokenResponse } from './token-issuer.js';
import { TokenService } from './token.service.js';

@Controller('auth/realms/:realm')
@UseGuards(KnownRealmGuard)
@UseFilters(OAuthErrorFilter)
export class TokenController {
  constructor(@Inject(TokenService) private readonly tokens: TokenService) {}

  @Post('api-access/token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async apiAccess(@Req() request: Request): Promise<TokenResponse> {
    return this.tokens.apiAccess(await readTokenForm(request), request.headers.authorization);
  }

  @Post('protocol/openid-connect/token')
  @HttpCode(200)
  @Header('Cache-Control', 'no-store')
  @Header('Pragma', 'no-cache')
  async standard(@Req() request: Request): Promise<TokenResponse> {
    return this.tokens.standard(await readTokenForm(request), request.headers.authorization);
  }
}
