import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingMessage } from 'node:http';
import { AccessTokenVerifier } from '../access-token-verifier.js';
import { ApiAccessStrategy } from '../api-access-strategy.js';
import { readBearerToken } from '../bearer-header.js';
import type { ApiAccessPrincipal } from '../principal.js';

/**
 * The package's passport strategy registered as `'api-access'` the @nestjs/passport way;
 * `ApiAccessGuard` extends `AuthGuard('api-access')`. Passport keeps strategies in one registry
 * per process, so one process has one `'api-access'` configuration (see docs/guard.md).
 */
@Injectable()
export class ApiAccessPassportStrategy extends PassportStrategy(ApiAccessStrategy, 'api-access') {
  constructor(@Inject(AccessTokenVerifier) verifier: AccessTokenVerifier) {
    super(verifier);
  }

  /** Called by passport-jwt with the payload jsonwebtoken verified; throws a RefusalError. */
  validate(request: IncomingMessage, payload: unknown): ApiAccessPrincipal {
    return this.verifier.acceptVerified(readBearerToken(request.headers.authorization), payload);
  }
}
