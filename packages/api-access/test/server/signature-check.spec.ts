import { SignatureCheck } from '../../src/server/signature-check.js';
import { badTokens, TestIssuer } from '../../src/testing/index.js';

// The alg allow-list refuses HS256 long before this point. This proves the second line holds
// on its own: even a SignatureCheck told to allow HS256 cannot be fooled by the public key,
// because the key it receives is a KeyObject, which jsonwebtoken never uses as an HMAC secret.
const issuer = new TestIssuer({ issuer: 'https://sso.example/realms/test' });
const options = { issuer: issuer.issuer, clientId: 'target-api' };

it('refuses HS256 signed with the public key even when HS256 is allowed', async () => {
  const check = new SignatureCheck({ ...options, algorithms: ['RS256', 'HS256'] });
  const token = badTokens(issuer).hmacWithPublicKey();
  await expect(check.verify(token, issuer.currentKey.publicKey)).rejects.toMatchObject({
    code: 'ERR_TOKEN_ALG_NOT_ALLOWED',
    message: 'alg does not match the signing key',
  });
});

it('verifies a genuine RS256 token and returns its payload', async () => {
  const check = new SignatureCheck({ ...options, algorithms: ['RS256'] });
  const token = issuer.mintToken({ roles: ['reader'] });
  await expect(check.verify(token, issuer.currentKey.publicKey)).resolves.toMatchObject({
    aud: 'target-api',
    cern_roles: ['reader'],
  });
});
