import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';
import { jsonDepth } from '@cern-sso/http-hardening';

export interface TokenInspection {
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
  /** `verified` only when the signature checks out with a key from `jwks` and `iss`/`aud` match. */
  signature: { verified: true; kid: string } | { verified: false; reason: string };
}

/**
 * Deepest nesting shown. Real claims are flat; a page that indents deeper JSON grows with the
 * square of the depth (16 KiB of brackets would render as tens of megabytes).
 */
export const MAX_TOKEN_JSON_DEPTH = 32;

/** Pasted text that cannot be shown as a token; the message says why, for the page. */
export class UnreadableTokenError extends Error {
  override readonly name = 'UnreadableTokenError';
}

/**
 * Decodes a token for display and verifies it with jose against the JWKS the emulator publishes,
 * the same check any API makes: a reader sees both what the token says and whether to believe it.
 * Throws `UnreadableTokenError` for text that is not a JWT, or one too deep to show.
 */
export async function inspectToken(
  token: string,
  jwks: JSONWebKeySet,
  /** `audience` is checked when given; a pasted token is checked for what it claims. */
  expected: { issuer: string; audience?: string },
): Promise<TokenInspection> {
  const { header, claims } = decode(token);
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { ...expected, algorithms: ['RS256'] });
    return { header, claims, signature: { verified: true, kid: String(header.kid) } };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { header, claims, signature: { verified: false, reason: `${code}: ${message}` } };
  }
}

function decode(token: string): { header: ProtectedHeaderParameters; claims: JWTPayload } {
  const [header = '', claims = ''] = token.split('.');
  for (const [part, text] of [
    ['header', header],
    ['claims', claims],
  ] as const) {
    if (
      jsonDepth(Buffer.from(text, 'base64url'), MAX_TOKEN_JSON_DEPTH + 1) > MAX_TOKEN_JSON_DEPTH
    ) {
      throw new UnreadableTokenError(
        `too deep to show: its ${part} nest deeper than ${MAX_TOKEN_JSON_DEPTH} levels (an access token's are flat)`,
      );
    }
  }
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch (error) {
    // jose's ERR_JWT_INVALID / ERR_JWS_INVALID messages say which part failed.
    const reason = error instanceof Error ? error.message : String(error);
    throw new UnreadableTokenError(
      `not a JWT: expected three base64url parts, a JSON header and JSON claims (${reason})`,
      { cause: error },
    );
  }
}
