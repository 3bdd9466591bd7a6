import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { TokenKidUnknownError } from '../../src/server/index.js';
import { asRefusal, checkKeyFitsAlg, verifySignature } from '../../src/server/signature-check.js';
import { badTokens, TestIssuer } from '../../src/testing/index.js';

// The alg allow-list refuses HS256 long before this point. This proves the second line holds
// on its own: even told to allow HS256, the check cannot be fooled by the public key, because
// the key it receives is a KeyObject, which jsonwebtoken never uses as an HMAC secret.
const issuer = new TestIssuer({ issuer: 'https://sso.example/realms/test' });
const rsa = issuer.currentKey.publicKey;
const ec256 = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey;

it('refuses HS256 signed with the public key even when HS256 is allowed', () => {
  const token = badTokens(issuer).hmacWithPublicKey();
  expect(() => verifySignature(token, rsa, ['RS256', 'HS256'])).toThrow(
    expect.objectContaining({ code: 'ERR_TOKEN_SIGNATURE_INVALID' }),
  );
  expect(() => checkKeyFitsAlg('HS256', rsa)).toThrow(
    expect.objectContaining({ code: 'ERR_TOKEN_ALG_NOT_ALLOWED' }),
  );
});

it('verifies a genuine RS256 token and returns its payload', () => {
  const token = issuer.mintToken({ roles: ['reader'] });
  expect(verifySignature(token, rsa, ['RS256'])).toMatchObject({
    aud: 'target-api',
    cern_roles: ['reader'],
  });
});

it.each([
  ['RS256', rsa, true],
  ['PS256', rsa, true],
  ['ES256', rsa, false],
  ['RS256', ec256, false],
  ['ES256', ec256, true],
  ['ES384', ec256, false],
] as const)('alg %s with a %s key fits: %s', (alg, key, fits) => {
  if (fits) expect(() => checkKeyFitsAlg(alg, key)).not.toThrow();
  else expect(() => checkKeyFitsAlg(alg, key)).toThrow('alg does not match the signing key');
});

describe('asRefusal maps strategy failures by class, never by message', () => {
  it('keeps a RefusalError as it is', () => {
    const refusal = new TokenKidUnknownError('kid is not in the JWKS');
    expect(asRefusal(refusal)).toBe(refusal);
  });

  it.each([
    new jwt.JsonWebTokenError('anything at all'),
    new jwt.TokenExpiredError('jwt expired', new Date(0)),
  ])('turns jsonwebtoken errors into the signature refusal (%s)', (error) => {
    expect(asRefusal(error)).toMatchObject({
      code: 'ERR_TOKEN_SIGNATURE_INVALID',
      message: 'signature does not verify',
      cause: error,
    });
  });

  it("also maps a second copy of jsonwebtoken's error (not an instance of ours)", () => {
    class JsonWebTokenError extends Error {
      override name = 'JsonWebTokenError';
    }
    const error = new JsonWebTokenError('invalid signature');
    expect(error).not.toBeInstanceOf(jwt.JsonWebTokenError);
    expect(asRefusal(error)).toMatchObject({ code: 'ERR_TOKEN_SIGNATURE_INVALID', cause: error });
  });

  it('leaves any other error alone (a bug stays a 500)', () => {
    const bug = new TypeError('invalid signature');
    expect(asRefusal(bug)).toBeUndefined();
  });
});
