import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import axios from 'axios';
import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { cpuMicros } from '../support/cpu-time.js';
import { median } from '../support/stats.js';

/** CPU µs per token, in this process, without HTTP: where a guarded request's extra time goes. */
export interface VerifyCost {
  /** `crypto.verify` of the RS256 signature alone, key already parsed: the floor. */
  signatureOnlyUs: number;
  /** `AccessTokenVerifier.verify` of a token it has not seen (every check, the signature included). */
  verifierMissUs: number;
  /** The same for a token it has verified before (the token cache). */
  verifierHitUs: number;
  /** Parsing the PEM into a key: what the tutorial recipe adds to every request. */
  pemParseUs: number;
  tokens: number;
}

/** Times each step over the same real tokens, in CPU time; the median of 3 passes. */
export async function measureVerifyCost(
  issuer: string,
  audience: string,
  tokens: readonly string[],
): Promise<VerifyCost> {
  const { data } = await axios.get<{ keys: JsonWebKey[] }>(
    `${issuer}/protocol/openid-connect/certs`,
  );
  const key: KeyObject = createPublicKey({ key: data.keys[0]!, format: 'jwk' });
  const pem = key.export({ type: 'spki', format: 'pem' });
  const signatureOnly = (token: string) => {
    const dot = token.lastIndexOf('.');
    const input = Buffer.from(token.slice(0, dot));
    if (!verify('RSA-SHA256', input, key, Buffer.from(token.slice(dot + 1), 'base64url'))) {
      throw new Error('signature does not verify: the JWKS key is not the signing key');
    }
  };
  const fresh = new AccessTokenVerifier({ issuer, clientId: audience, tokenCacheMaxEntries: 0 });
  const caching = new AccessTokenVerifier({ issuer, clientId: audience });
  await fresh.verify(tokens[0]!); // fetch the JWKS once, outside the timing
  await caching.verify(tokens[0]!);

  const time = async (step: (token: string) => unknown): Promise<number> => {
    const passes: number[] = [];
    for (let pass = 0; pass < 3; pass++) {
      const micros = await cpuMicros(async () => {
        for (const token of tokens) await step(token);
      });
      passes.push(micros / tokens.length);
    }
    return median(passes);
  };
  return {
    signatureOnlyUs: await time(signatureOnly),
    verifierMissUs: await time((token) => fresh.verify(token)),
    verifierHitUs: await time(() => caching.verify(tokens[0]!)),
    pemParseUs: await time(() => createPublicKey(pem)),
    tokens: tokens.length,
  };
}
