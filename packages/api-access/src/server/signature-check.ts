import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { RefusalError } from './errors.js';
import { TokenAlgorithmError, TokenSignatureError } from './token-errors.js';

/**
 * The signature check as passport-jwt makes it: jsonwebtoken's `verify`, with a KeyObject
 * (never a PEM to parse again) and the allow-list pinned a second time. Time claims are off
 * here because the verifier checks them with its injected clock. Returns the payload.
 */
export function verifySignature(
  token: string,
  key: KeyObject,
  algorithms: readonly string[],
): unknown {
  try {
    return jwt.verify(token, key, {
      algorithms: algorithms as jwt.Algorithm[],
      ignoreExpiration: true,
      ignoreNotBefore: true,
    });
  } catch (error) {
    throw asRefusal(error) ?? error;
  }
}

/**
 * A strategy failure as this package's refusal, by class: a RefusalError is one already, and
 * jsonwebtoken's JsonWebTokenError can only be the signature, because structure, `alg`, `kid`,
 * claims and the key's type were all checked before the key was handed over. Anything else is
 * a bug: undefined.
 */
export function asRefusal(failure: unknown): RefusalError | undefined {
  if (failure instanceof RefusalError) return failure;
  if (isJsonWebTokenError(failure)) {
    return new TokenSignatureError('signature does not verify', { cause: failure });
  }
  return undefined;
}

/**
 * By class, and by the class's `name` too: an app may hold a second copy of jsonwebtoken (the one
 * passport-jwt resolves), whose errors are not instances of ours.
 */
function isJsonWebTokenError(failure: unknown): boolean {
  return (
    failure instanceof jwt.JsonWebTokenError ||
    (failure instanceof Error && failure.name === 'JsonWebTokenError')
  );
}

// `alg` family and the key's type must agree before jsonwebtoken sees them, so that its only
// remaining failure is the signature (ES* also names its curve: RFC 7518 §3.4).
const CURVES: Readonly<Record<string, string>> = {
  ES256: 'prime256v1',
  ES384: 'secp384r1',
  ES512: 'secp521r1',
};

/** Throws TokenAlgorithmError when `alg` cannot be used with the key its `kid` selected. */
export function checkKeyFitsAlg(alg: string, key: KeyObject): void {
  const type = key.asymmetricKeyType;
  const family = alg.slice(0, 2);
  const fits =
    family === 'ES'
      ? type === 'ec' && key.asymmetricKeyDetails?.namedCurve === CURVES[alg]
      : type === 'rsa'
        ? family === 'RS' || family === 'PS'
        : type === 'rsa-pss' && family === 'PS';
  if (!fits) throw new TokenAlgorithmError('alg does not match the signing key');
}
