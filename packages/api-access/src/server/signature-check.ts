import type { KeyObject } from 'node:crypto';
import passportJwt from 'passport-jwt';
import { isJsonObject, type JsonObject } from './decode-token.js';
import type { ResolvedApiAccessOptions } from './resolve-options.js';
import {
  InvalidTokenError,
  TokenAlgorithmError,
  TokenAudienceError,
  TokenIssuerError,
  TokenMalformedError,
  TokenPayloadNotObjectError,
  TokenSignatureError,
} from './token-errors.js';

type Algorithms = NonNullable<passportJwt.StrategyOptions['algorithms']>;

/** What one verification hands the strategy in place of an HTTP request. */
interface Attempt {
  readonly token: string;
  readonly key: KeyObject;
}

/** The passport strategy protocol: passport normally supplies these per request. */
interface StrategyRun {
  success(payload: unknown): void;
  fail(info: unknown): void;
  error(error: unknown): void;
  authenticate(attempt: Attempt): void;
}

/**
 * The signature check, done by passport-jwt (jsonwebtoken) with the key already chosen by `kid`.
 * The strategy is driven directly instead of through `passport.use`, whose global registry would
 * let two guards with different options overwrite each other. The key is a KeyObject, never a
 * PEM string: jsonwebtoken then refuses HMAC outright (an RSA public key cannot be an HS256
 * secret), and algorithms, issuer and audience are pinned here again as a second line.
 * Time claims are checked by `checkTimeClaims` with the injected clock; jsonwebtoken cannot take
 * a clock per call through passport-jwt and does not require `exp`, so its own checks are off.
 */
export class SignatureCheck {
  private readonly strategy: passportJwt.Strategy;

  constructor(options: Pick<ResolvedApiAccessOptions, 'issuer' | 'clientId' | 'algorithms'>) {
    this.strategy = new passportJwt.Strategy(
      {
        jwtFromRequest: (attempt: Attempt) => attempt.token,
        // The typings say string | Buffer; jsonwebtoken 9 takes a KeyObject as is.
        secretOrKeyProvider: (attempt: Attempt, _raw: unknown, done) =>
          done(null, attempt.key as unknown as Buffer),
        issuer: options.issuer,
        audience: options.clientId,
        algorithms: options.algorithms as Algorithms,
        ignoreExpiration: true,
        jsonWebTokenOptions: { ignoreNotBefore: true },
      },
      (payload: unknown, done: (error: null, payload: unknown) => void) => done(null, payload),
    );
  }

  /** Resolves with the verified payload or rejects with an InvalidTokenError. */
  verify(token: string, key: KeyObject): Promise<JsonObject> {
    return new Promise((resolve, reject) => {
      const run = Object.create(this.strategy) as StrategyRun;
      run.success = (payload) =>
        isJsonObject(payload)
          ? resolve(payload)
          : reject(new TokenPayloadNotObjectError('payload is not a JSON object'));
      run.fail = (info) => reject(classify(info));
      run.error = (error) => reject(classify(error));
      run.authenticate({ token, key });
    });
  }
}

/** jsonwebtoken reports every failure as a message; these are its stable ones (v9). */
function classify(error: unknown): InvalidTokenError {
  const message = error instanceof Error ? error.message : '';
  const cause = { cause: error };
  if (message === 'invalid signature' || message === 'jwt signature is required') {
    return new TokenSignatureError('signature does not verify', cause);
  }
  if (
    message === 'invalid algorithm' ||
    message.startsWith('secretOrPublicKey must be') ||
    message.startsWith('"alg" parameter')
  ) {
    return new TokenAlgorithmError('alg does not match the signing key', cause);
  }
  if (message.startsWith('jwt issuer invalid')) return new TokenIssuerError('iss is wrong', cause);
  if (message.startsWith('jwt audience invalid')) {
    return new TokenAudienceError('aud is wrong', cause);
  }
  return new TokenMalformedError('token could not be verified', cause);
}
