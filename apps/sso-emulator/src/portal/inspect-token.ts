import {
  createLocalJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  jwtVerify,
  type JSONWebKeySet,
  type JWTPayload,
  type ProtectedHeaderParameters,
} from 'jose';

export interface TokenInspection {
  header: ProtectedHeaderParameters;
  claims: JWTPayload;
  /** `verified` only when the signature checks out with a key from `jwks` and `iss`/`aud` match. */
  signature: { verified: true; kid: string } | { verified: false; reason: string };
}

/**
 * Decodes a token for display and verifies it with jose against the JWKS the emulator publishes,
 * the same check any API makes: a reader sees both what the token says and whether to believe it.
 */
export async function inspectToken(
  token: string,
  jwks: JSONWebKeySet,
  /** `audience` is checked when given; a pasted token is checked for what it claims. */
  expected: { issuer: string; audience?: string },
): Promise<TokenInspection> {
  // Throws (jose's ERR_JWT_INVALID / ERR_JWS_INVALID) on text that is not a JWT at all.
  const header = decodeProtectedHeader(token);
  const claims = decodeJwt(token);
  try {
    await jwtVerify(token, createLocalJWKSet(jwks), { ...expected, algorithms: ['RS256'] });
    return { header, claims, signature: { verified: true, kid: String(header.kid) } };
  } catch (error) {
    const { code, message } = error as { code?: string; message?: string };
    return { header, claims, signature: { verified: false, reason: `${code}: ${message}` } };
  }
}
