import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { type SigningKeySource } from '@cern-sso/api-access/server';
import { type KeyStore } from '../keys/key-store.js';

/**
 * jwks-rsa's name for "the JWKS has no such kid": the verifier's key resolver tells it apart from
 * an unreachable JWKS by this name (a 401 for the token, not a 503 for the server).
 */
class SigningKeyNotFoundError extends Error {
  override readonly name = 'SigningKeyNotFoundError';
}

/**
 * The realm's public keys read in-process instead of over HTTP: the emulator does not depend on
 * reaching itself (in a container its public URL may not resolve inside), and its JWKS request
 * counter keeps counting only what clients fetch. A retired key is gone at once, as from the JWKS.
 */
export function keyStoreSource(keys: KeyStore): SigningKeySource {
  const pems = new Map<string, string>();
  return {
    getSigningKey(kid: string) {
      const jwk = keys.jwks().keys.find((key) => key.kid === kid);
      if (jwk === undefined) {
        return Promise.reject(new SigningKeyNotFoundError(`no key with kid "${kid}" in the realm`));
      }
      let pem = pems.get(kid);
      if (pem === undefined) {
        pem = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' })
          .export({ type: 'spki', format: 'pem' })
          .toString();
        pems.set(kid, pem);
      }
      const publicKey = pem;
      return Promise.resolve({ getPublicKey: () => publicKey });
    },
  };
}
