import type { IncomingMessage } from 'node:http';
import { Strategy, type VerifiedCallback } from 'passport-jwt';
import type { AccessTokenVerifier } from './access-token-verifier.js';
import { readBearerToken } from './bearer-header.js';
import { asRefusal } from './signature-check.js';

/** What the strategy uses of its verifier (the emulator supplies its own). */
export type StrategyVerifier = Pick<AccessTokenVerifier, 'cached' | 'keyFor' | 'acceptVerified'>;

type Verify = (request: IncomingMessage, payload: unknown, done: VerifiedCallback) => void;

/** Options of one `authenticate` call (passport passes them through). */
export interface ApiAccessAuthenticateOptions {
  /**
   * Verify this request with this verifier instead of the strategy's own. Passport keeps one
   * strategy per name for the whole process; this lets several differently configured guards
   * share the one registered as `'api-access'` (ApiAccessGuard passes its own verifier).
   */
  readonly verifier?: StrategyVerifier;
  /**
   * The caller has read this request's token and looked it up in the verifier's cache already
   * (ApiAccessGuard does, before passport): go straight to verification, without a second look.
   */
  readonly cacheChecked?: boolean;
}

// Which verifier a request in progress uses; weak, so the request object itself is not touched.
const verifiers = new WeakMap<object, StrategyVerifier>();

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
        jwtFromRequest: (request: IncomingMessage) =>
          readBearerToken(request.headers.authorization),
        secretOrKeyProvider: (request: IncomingMessage, token: string, done) => {
          (verifiers.get(request) ?? verifier).keyFor(token).then(
            // jsonwebtoken takes a KeyObject; the typings only name string | Buffer.
            (key) => done(null, key as unknown as Buffer),
            (error: unknown) => done(error),
          );
        },
        passReqToCallback: true,
        // The verifier checked the time claims with its own clock and tolerance already.
        ignoreExpiration: true,
        jsonWebTokenOptions: { ignoreNotBefore: true },
      },
      verify ??
        ((request, payload, done) =>
          accept(verifiers.get(request) ?? verifier, request, payload, done)),
    );
  }

  /**
   * Refuses a missing or malformed `Authorization` header with its own refusal (passport-jwt
   * would only say "No auth token") and answers a token verified before from the cache.
   */
  override authenticate(...[request, options]: Parameters<Strategy['authenticate']>): void {
    const authenticateOptions = options as ApiAccessAuthenticateOptions | undefined;
    const verifier = this.verifierFor(request, authenticateOptions);
    if (authenticateOptions?.cacheChecked !== true) {
      try {
        const principal = verifier.cached(readBearerToken(request.headers.authorization));
        if (principal !== undefined) return this.success(principal);
      } catch (error) {
        const refusal = asRefusal(error);
        if (refusal === undefined) return this.error(error as Error);
        return this.fail(refusal, 401);
      }
    }
    super.authenticate(request, options);
  }

  /**
   * The verifier for this request: one passed to `authenticate`, else the strategy's own. Only
   * another verifier than the strategy's own is remembered for the request (the usual single
   * module passes the same one, and then nothing is stored per request).
   */
  protected verifierFor(request: object, options?: ApiAccessAuthenticateOptions): StrategyVerifier {
    const chosen = options?.verifier;
    if (chosen === undefined) return verifiers.get(request) ?? this.verifier;
    if (chosen === this.verifier) verifiers.delete(request);
    else verifiers.set(request, chosen);
    return chosen;
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
