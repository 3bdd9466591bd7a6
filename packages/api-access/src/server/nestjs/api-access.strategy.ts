import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { IncomingMessage } from 'node:http';
import {
  AccessTokenVerifier,
  type ApiAccessPrincipal,
  ApiAccessStrategy,
  readBearerToken,
} from '../index.js';

/**
 * The package's passport strategy registered as `'api-access'` the @nestjs/passport way;
 * `ApiAccessGuard` extends `AuthGuard('api-access')`. Passport keeps one strategy per name for
 * the whole process, so each guard passes its own verifier with every request
 * (`getAuthenticateOptions`): two modules with different options still verify differently.
 */
@Injectable()
export class ApiAccessPassportStrategy extends PassportStrategy(ApiAccessStrategy, 'api-access') {
  constructor(@Inject(AccessTokenVerifier) verifier: AccessTokenVerifier) {
    super(verifier);
  }

  /** Called by passport-jwt with the payload jsonwebtoken verified; throws a RefusalError. */
  validate(request: IncomingMessage, payload: unknown): ApiAccessPrincipal {
    const token = readBearerToken(request.headers.authorization);
    return this.verifierFor(request).acceptVerified(token, payload);
  }
}
