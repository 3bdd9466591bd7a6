import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { type PublishedKey, type SigningKeySource } from '@cern-sso/api-access/server';
import { type KeyStore } from '../keys/key-store.js';

/**
 * The realm's public keys read in-process instead of over HTTP: the emulator does not depend on
 * reaching itself (in a container its public URL may not resolve inside), and its JWKS request
 * counter keeps counting only what clients fetch. A retired key is gone at the next refresh.
 */
export function keyStoreSource(keys: KeyStore): SigningKeySource {
  const pems = new Map<string, string>();
  const published = (jwk: JsonWebKey & { kid?: string }): PublishedKey => {
    const kid = jwk.kid ?? '';
    let pem = pems.get(kid);
    if (pem === undefined) {
      pem = createPublicKey({ key: jwk, format: 'jwk' })
        .export({ type: 'spki', format: 'pem' })
        .toString();
      pems.set(kid, pem);
    }
    const publicKey = pem;
    return { kid: jwk.kid, getPublicKey: () => publicKey };
  };
  return {
    getSigningKeys: () => Promise.resolve(keys.jwks().keys.map(published)),
  };
}
