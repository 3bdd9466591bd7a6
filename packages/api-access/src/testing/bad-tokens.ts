import { signJws, encode } from './sign-jws.js';
import { createTestKey } from './test-key.js';
import type { MintTokenOptions, TestIssuer } from './test-issuer.js';

/** A key to advertise in a forged header: the verifier must never use it. */
export type EmbeddedKeyHeader =
  | { readonly jwk: true }
  | { readonly jku: string }
  | { readonly x5u: string }
  | { readonly x5c: true };

/**
 * Builders for the tokens an API must refuse, each otherwise identical to a valid token from
 * `issuer`, so a test shows that exactly one defect is what gets it refused.
 */
export function badTokens(issuer: TestIssuer) {
  return {
    /** Unsigned, `alg` as given (`none`, `None`, `NONE`...). */
    algNone: (alg = 'none', options: MintTokenOptions = {}): string =>
      signJws({ header: issuer.header({ ...options, alg }), payload: issuer.claims(options) }, ''),

    /** HS256 "signed" with the issuer's public key PEM as the secret: the key-confusion attack. */
    hmacWithPublicKey: (options: MintTokenOptions = {}): string =>
      signJws(
        { header: issuer.header({ ...options, alg: 'HS256' }), payload: issuer.claims(options) },
        issuer.currentKey.publicPem,
      ),

    /** Signed by an attacker key that the header advertises (`jwk`, `jku`, `x5u`, `x5c`). */
    embeddedKey: (embed: EmbeddedKeyHeader, options: MintTokenOptions = {}): string => {
      const attacker = createTestKey();
      const advertised =
        'jwk' in embed
          ? { jwk: attacker.jwk }
          : 'x5c' in embed
            ? {
                x5c: [
                  attacker.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
                ],
              }
            : embed;
      return signJws(
        { header: { ...issuer.header(options), ...advertised }, payload: issuer.claims(options) },
        attacker.privateKey,
      );
    },

    /** A `crit` header naming extensions the verifier does not know. */
    withCrit: (crit: readonly string[] = ['exp'], options: MintTokenOptions = {}): string =>
      issuer.mintToken({ ...options, header: { ...options.header, crit } }),

    /** Correctly signed, but the payload is this raw JSON text (`[]`, `"x"`, `42`, `null`...). */
    rawPayload: (json: string, options: MintTokenOptions = {}): string =>
      issuer.sign(issuer.header(options), json),
  };
}

/** The same token with payload claims changed and the original signature kept. */
export function tamperPayload(token: string, changes: Readonly<Record<string, unknown>>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  return `${header}.${encode(JSON.stringify({ ...(claims as object), ...changes }))}.${signature}`;
}

/** The token without its signature (`header.payload.`). */
export function stripSignature(token: string): string {
  return token.slice(0, token.lastIndexOf('.') + 1);
}

/** The token with the last `chars` base64url characters of its signature cut off. */
export function truncateSignature(token: string, chars = 8): string {
  return token.slice(0, -chars);
}
