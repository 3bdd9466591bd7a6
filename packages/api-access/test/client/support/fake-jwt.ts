const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A JWT-shaped access token for `aud` (`null`: no `aud` claim), told apart by `jti`. Unsigned:
 * the token client reads `aud` but never checks a signature (the target does).
 */
export function fakeJwt(jti: string, aud: string | string[] | null = 'target-api'): string {
  const claims = aud === null ? { jti } : { aud, jti };
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
