import { constants, createHmac, sign, type KeyObject } from 'node:crypto';

/** Header and payload of a token to sign; a string payload is used as the raw JSON text. */
export interface JwsParts {
  readonly header: Readonly<Record<string, unknown>>;
  readonly payload: Readonly<Record<string, unknown>> | string;
}

/**
 * Signs a compact JWS with whatever `header.alg` says, including algorithms a verifier must
 * refuse: `none` (any casing) gets an empty signature and `HS*` uses `key` as the HMAC secret.
 * Deliberately permissive: it exists to build the tokens an attacker could send.
 */
export function signJws(parts: JwsParts, key: KeyObject | string | Buffer): string {
  const payload = typeof parts.payload === 'string' ? parts.payload : JSON.stringify(parts.payload);
  const input = `${encode(JSON.stringify(parts.header))}.${encode(payload)}`;
  // A header without a string alg (a test of the verifier) is still signed, as RS256.
  const alg = typeof parts.header['alg'] === 'string' ? parts.header['alg'] : 'RS256';
  return `${input}.${signature(alg, input, key).toString('base64url')}`;
}

export function encode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}

function signature(alg: string, input: string, key: KeyObject | string | Buffer): Buffer {
  if (alg.toLowerCase() === 'none') return Buffer.alloc(0);
  const hash = `sha${alg.slice(2)}`;
  const data = Buffer.from(input);
  if (alg.startsWith('HS')) {
    const secret = typeof key === 'string' || Buffer.isBuffer(key) ? key : key.export();
    return createHmac(hash, secret).update(data).digest();
  }
  if (typeof key === 'string' || Buffer.isBuffer(key)) {
    throw new TypeError(`signJws: ${alg} needs a private KeyObject`);
  }
  if (alg.startsWith('PS')) {
    return sign(hash, data, {
      key,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: constants.RSA_PSS_SALTLEN_DIGEST,
    });
  }
  if (alg.startsWith('ES')) return sign(hash, data, { key, dsaEncoding: 'ieee-p1363' });
  return sign(hash, data, key);
}
