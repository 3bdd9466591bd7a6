import { decodeJwt } from 'jose';
import type { TokenRequestTarget } from './errors/token-errors.js';
import {
  TokenWrongAudienceError,
  type TokenAudienceProblem,
} from './errors/token-wrong-audience-error.js';
import type { TargetParameter } from './options.js';

/**
 * Fails at once when the token is not for the requested target, rather than at the target after
 * a second token request: a token without the target in `aud` is what the standard endpoint, or an
 * SSO that ignores `audience` / `resource`, returns. The signature is not checked; the target does.
 */
export function checkTokenAudience(
  target: TokenRequestTarget,
  accessToken: string,
  sentAs: readonly TargetParameter[],
): void {
  const fail = (problem: TokenAudienceProblem, tokenAudience: readonly string[] = []) =>
    new TokenWrongAudienceError(target, problem, tokenAudience, sentAs);
  let aud: unknown;
  try {
    aud = decodeJwt(accessToken).aud;
  } catch {
    // jose's error is not kept as `cause`: its message may quote part of the token.
    throw fail('not-a-jwt');
  }
  if (aud === undefined) throw fail('aud-missing');
  // RFC 7519 4.1.3: a string or an array of strings.
  const audiences = (Array.isArray(aud) ? aud : [aud]).filter((a) => typeof a === 'string');
  if (!audiences.includes(target.audience)) throw fail('aud-mismatch', audiences.slice(0, 5));
}
