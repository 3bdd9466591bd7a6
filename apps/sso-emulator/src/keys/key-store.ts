import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type CryptoKey,
  type JWK,
} from 'jose';

/** One RS256 signing key. `kid` is the RFC 7638 thumbprint of the public key. */
export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  privateJwk: JWK;
  publicJwk: JWK;
}

/** A key that cannot be retired or loaded; `code` is stable for tests and the admin API. */
export class KeyStoreError extends Error {
  constructor(
    readonly code: 'ERR_KEY_UNKNOWN' | 'ERR_KEY_CURRENT' | 'ERR_KEYS_FILE',
    message: string,
  ) {
    super(message);
    this.name = 'KeyStoreError';
  }
}

/**
 * The realm's signing keys: the current one signs, the previous one (after a rotation) stays in
 * the JWKS so that tokens it signed keep verifying until they expire or it is retired.
 */
export class KeyStore {
  private save: (store: KeyStore) => Promise<void> = async () => {};

  private constructor(private keys: SigningKey[]) {}

  /** Saves the keys after every rotation or retirement, so a restart keeps them. */
  persistWith(save: (store: KeyStore) => Promise<void>): this {
    this.save = save;
    return this;
  }

  static async generate(): Promise<KeyStore> {
    return new KeyStore([await newSigningKey()]);
  }

  /** Loads private JWKs (newest first), as written by `toPrivateJwks`. */
  static async fromPrivateJwks(jwks: unknown): Promise<KeyStore> {
    if (!Array.isArray(jwks) || jwks.length === 0) {
      throw new KeyStoreError(
        'ERR_KEYS_FILE',
        'expected a non-empty "keys" array of private RSA JWKs',
      );
    }
    const keys = await Promise.all(jwks.map((jwk, index) => signingKeyFromJwk(jwk, index)));
    return new KeyStore(keys);
  }

  get current(): SigningKey {
    return this.keys[0]!;
  }

  /** Public keys only: what `/protocol/openid-connect/certs` serves. */
  jwks(): { keys: JWK[] } {
    return { keys: this.keys.map((key) => key.publicJwk) };
  }

  toPrivateJwks(): JWK[] {
    return this.keys.map((key) => key.privateJwk);
  }

  /** Signs with a new key from now on; keeps only the previous key beside it. */
  async rotate(): Promise<SigningKey> {
    const fresh = await newSigningKey();
    this.keys = [fresh, this.current];
    await this.save(this);
    return fresh;
  }

  /** Removes a previous key from the JWKS: tokens it signed stop verifying. */
  async retire(kid: string): Promise<void> {
    const index = this.keys.findIndex((key) => key.kid === kid);
    if (index === -1) throw new KeyStoreError('ERR_KEY_UNKNOWN', `no key with kid "${kid}"`);
    if (index === 0) {
      throw new KeyStoreError(
        'ERR_KEY_CURRENT',
        `key "${kid}" is the current signing key; rotate first`,
      );
    }
    this.keys.splice(index, 1);
    await this.save(this);
  }
}

async function newSigningKey(): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  return signingKeyFromJwk(await exportJWK(privateKey), 0);
}

async function signingKeyFromJwk(input: unknown, index: number): Promise<SigningKey> {
  const jwk = input as JWK;
  if (
    typeof input !== 'object' ||
    input === null ||
    jwk.kty !== 'RSA' ||
    typeof jwk.d !== 'string'
  ) {
    throw new KeyStoreError('ERR_KEYS_FILE', `keys[${index}]: expected a private RSA JWK`);
  }
  const { kty, n, e } = jwk;
  const kid = await calculateJwkThumbprint({ kty, n, e });
  const privateJwk: JWK = { ...jwk, kid, alg: 'RS256', use: 'sig' };
  const publicJwk: JWK = { kty, n, e, kid, alg: 'RS256', use: 'sig' };
  try {
    const privateKey = (await importJWK(privateJwk, 'RS256')) as CryptoKey;
    return { kid, privateKey, privateJwk, publicJwk };
  } catch (error) {
    throw new KeyStoreError(
      'ERR_KEYS_FILE',
      `keys[${index}]: not a usable RSA key (${String(error)})`,
    );
  }
}
