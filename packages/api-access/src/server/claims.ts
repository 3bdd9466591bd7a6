import { own, type JsonObject } from './decode-token.js';
import type { ResolvedApiAccessOptions } from './resolve-options.js';
import {
  TokenAudienceError,
  TokenClaimInvalidError,
  TokenExpMissingError,
  TokenExpiredError,
  TokenIssuerError,
  TokenNotYetValidError,
} from './token-errors.js';

type ClaimOptions = Pick<ResolvedApiAccessOptions, 'issuer' | 'clientId' | 'clockToleranceSec'>;

/** Exact `iss`, own client id in `aud`, then the time claims (see checkTimeClaims). */
export function checkClaims(payload: JsonObject, options: ClaimOptions, nowSec: number): void {
  const iss = own(payload, 'iss');
  if (iss === undefined) throw new TokenIssuerError('iss is missing');
  if (iss !== options.issuer) throw new TokenIssuerError(`iss is not ${options.issuer}`);

  const aud = own(payload, 'aud');
  if (aud === undefined) throw new TokenAudienceError('aud is missing');
  const audiences = Array.isArray(aud) ? aud : [aud];
  if (!audiences.includes(options.clientId)) {
    throw new TokenAudienceError(`aud does not contain ${options.clientId}`);
  }
  checkTimeClaims(payload, options.clockToleranceSec, nowSec);
}

/**
 * `exp` is required; `exp`, `nbf` and `iat` are honoured with the tolerance. The boundaries
 * match jsonwebtoken's: expired when `now >= exp + tolerance`, early when `nbf > now + tolerance`.
 */
export function checkTimeClaims(payload: JsonObject, toleranceSec: number, nowSec: number): void {
  const exp = numericDate(payload, 'exp');
  if (exp === undefined) throw new TokenExpMissingError('exp is missing');
  if (nowSec >= exp + toleranceSec) throw new TokenExpiredError('token expired (exp is past)');

  const nbf = numericDate(payload, 'nbf');
  if (nbf !== undefined && nbf > nowSec + toleranceSec) {
    throw new TokenNotYetValidError('token not yet valid (nbf is in the future)');
  }
  const iat = numericDate(payload, 'iat');
  if (iat !== undefined && iat > nowSec + toleranceSec) {
    throw new TokenNotYetValidError('token not yet valid (iat is in the future)');
  }
}

function numericDate(payload: JsonObject, claim: string): number | undefined {
  const value = own(payload, claim);
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new TokenClaimInvalidError(`${claim} is not a number`);
  }
  return value;
}
