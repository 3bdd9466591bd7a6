import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { passportJwtSecret } from 'jwks-rsa';
import { ExtractJwt, Strategy } from 'passport-jwt';

/** What the tutorial strategy needs: the same issuer and audience as the project's guard. */
export interface TutorialJwtOptions {
  issuer: string;
  audience: string;
}

/**
 * The recipe most NestJS tutorials give, kept as they write it so the comparison is fair:
 * jwks-rsa's `passportJwtSecret` with its defaults hands passport-jwt a PEM string for every
 * request, and jsonwebtoken parses that PEM again each time. Nothing verified is remembered.
 * Registered under passport's global name 'jwt' and used with `AuthGuard('jwt')`.
 */
@Injectable()
export class TutorialJwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(options: TutorialJwtOptions) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKeyProvider: passportJwtSecret({
        jwksUri: `${options.issuer}/protocol/openid-connect/certs`,
        cache: true,
        rateLimit: true,
      }),
      issuer: options.issuer,
      audience: options.audience,
      algorithms: ['RS256'],
    });
  }

  validate(payload: unknown): unknown {
    return payload;
  }
}
