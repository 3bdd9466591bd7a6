import type { TargetParameter } from '../options.js';
import { TokenError, type TokenRequestTarget } from './token-errors.js';

/** What a token that is not for the requested target looked like; never the token itself. */
export type TokenAudienceProblem = 'not-a-jwt' | 'aud-missing' | 'aud-mismatch';

/**
 * A 2xx whose token is not for the requested target: not a JWT, or a JWT whose `aud` lacks it.
 * Never retried: the same request gives the same token. Turn the check off with
 * `checkTokenAudience: false` for a server that issues opaque tokens.
 */
export class TokenWrongAudienceError extends TokenError {
  static readonly code = 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE';
  readonly code = TokenWrongAudienceError.code;

  constructor(
    target: TokenRequestTarget,
    readonly problem: TokenAudienceProblem,
    /** The token's `aud` values (client ids or URIs, not secret); empty unless `aud-mismatch`. */
    readonly tokenAudience: readonly string[],
    /** The form parameters that named the target, e.g. `['audience']`. */
    readonly sentAs: readonly TargetParameter[],
  ) {
    super(target, wrongAudienceProblem(target.audience, problem, tokenAudience, sentAs));
  }

  protected override details(): Record<string, unknown> {
    const { problem, tokenAudience, sentAs } = this;
    return { ...super.details(), problem, tokenAudience, sentAs };
  }
}

function wrongAudienceProblem(
  audience: string,
  problem: TokenAudienceProblem,
  tokenAudience: readonly string[],
  sentAs: readonly TargetParameter[],
): string {
  const what = {
    'not-a-jwt': 'the access token is not a JWT',
    'aud-missing': `the access token has no "aud" claim`,
    'aud-mismatch': `the access token's "aud" is ${tokenAudience.map(quoteShort).join(', ')}, not "${audience}"`,
  }[problem];
  const ignored = sentAs.map((name) => `"${name}"`).join(' and ');
  return (
    `${what}. Likely the standard token endpoint (.../protocol/openid-connect/token) was used ` +
    `instead of the API Access one (.../api-access/token), or the SSO ignored ${ignored}` +
    (problem === 'not-a-jwt'
      ? '; for a server that issues opaque tokens, set checkTokenAudience: false'
      : '')
  );
}

/** An `aud` value as sent by the server, quoted and cut: it is shown, so it is bounded. */
function quoteShort(value: string): string {
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}...` : value);
}
