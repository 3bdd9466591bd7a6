import { generateKeyPairSync, randomUUID, type JsonWebKey, type KeyObject } from 'node:crypto';

/** One RSA signing key with its `kid`, as an SSO would hold it. */
export interface TestKey {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  /** The public key as a JWKS entry (`kty`, `n`, `e`, `kid`, `alg`, `use`). */
  readonly jwk: JsonWebKey;
  /** The public key as SPKI PEM: what an HS256 key-confusion attack uses as the secret. */
  readonly publicPem: string;
}

/** A fresh 2048-bit RSA key: generated per run, never committed. */
export function createTestKey(kid: string = randomUUID()): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' },
    publicPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  };
}
