import type { IncomingMessage } from 'node:http';
import { Strategy, type VerifiedCallback } from 'passport-jwt';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { readBearerToken } from './bearer-header.js';
import { asRefusal } from './signature-check.js';

/** What the strategy uses of its verifier (the emulator supplies its own). */
export type StrategyVerifier = Pick<AccessTokenVerifier, 'cached' | 'keyFor' | 'acceptVerified'>;

type Verify = (request: IncomingMessage, payload: unknown, done: VerifiedCallback) => void;

/**
 * passport-jwt's Strategy with this package's checks: register it under a name with
 * `passport.use('api-access', new ApiAccessStrategy(verifier))`, or in Nest through
 * `PassportStrategy(ApiAccessStrategy, 'api-access')`.
 *
 * Keys reach jsonwebtoken through `secretOrKeyProvider` as KeyObjects chosen by `kid`, after
 * every other check ran (`verifier.keyFor`). A success yields an `ApiAccessPrincipal`; a refusal
 * fails with a RefusalError as the info (`asRefusal` turns jsonwebtoken's into one), which an
 * adapter turns into a response with `toHttpRefusal`.
 */
export class ApiAccessStrategy extends Strategy {
  constructor(
    protected readonly verifier: StrategyVerifier,
    verify?: Verify,
  ) {
    super(
      {
        jwtFromRequest: (request: IncomingMessage) => readBearerToken(request.headers.authorization),
        secretOrKeyProvider: (_request: unknown, token: string, done) => {
          verifier.keyFor(token).then(
            // jsonwebtoken takes a KeyObject; the typings only name string | Buffer.
            (key) => done(null, key as unknown as Buffer),
            (error: unknown) => done(error),
          );
        },
        passReqToCallback: true,
      },
      verify ?? ((request, payload, done) => accept(verifier, request, payload, done)),
    );
  }

  /**
   * Refuses a missing or malformed `Authorization` header with its own refusal (passport-jwt
   * would only say "No auth token") and answers a token verified before from the cache.
   */
  override authenticate(...[request, options]: Parameters<Strategy['authenticate']>): void {
    try {
      const principal = this.verifier.cached(readBearerToken(request.headers.authorization));
      if (principal !== undefined) return this.success(principal);
    } catch (error) {
      const refusal = asRefusal(error);
      if (refusal === undefined) return this.error(error as Error);
      return this.fail(refusal, 401);
    }
    super.authenticate(request, options);
  }
}

/** The principal for a payload jsonwebtoken verified: a refusal fails, anything else errors. */
function accept(
  verifier: StrategyVerifier,
  request: IncomingMessage,
  payload: unknown,
  done: VerifiedCallback,
): void {
  try {
    done(null, verifier.acceptVerified(readBearerToken(request.headers.authorization), payload));
  } catch (error) {
    const refusal = asRefusal(error);
    if (refusal === undefined) done(error);
    else done(null, false, refusal);
  }
}
