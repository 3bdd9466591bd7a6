import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { expectRefusal } from './support/expect-refusal.js';
import { GUARD_KINDS, startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

// The same checks against every way of guarding an API: Nest, Express with the passport
// strategy, and a plain Node `http` server (see support/guarded-app.ts).
describe.each(GUARD_KINDS)('%s', (kind) => {
  // The guard and the issuer share an injected clock: boundaries are exact, nothing waits.
  const NOW = 1_800_000_000;
  let nowSec = NOW;
  const clock = () => nowSec * 1000;

  let idp: ServedTestIssuer;
  let app: GuardedApp;
  beforeAll(async () => {
    idp = await startTestIssuer({ clock });
    app = await startGuardedApp(
      { issuer: idp.issuer.issuer, clientId: 'target-api', clock },
      false,
      kind,
    );
  });
  afterAll(async () => {
    await app.close();
    await idp.stop();
  });
  beforeEach(() => {
    nowSec = NOW;
  });

  const invalid = (description: string, code: string) => ({
    status: 401,
    error: 'invalid_token',
    description,
    code,
  });
  const EXPIRED = invalid('token expired (exp is past)', 'ERR_TOKEN_EXPIRED');
  const NBF_EARLY = invalid(
    'token not yet valid (nbf is in the future)',
    'ERR_TOKEN_NOT_YET_VALID',
  );
  const IAT_EARLY = invalid(
    'token not yet valid (iat is in the future)',
    'ERR_TOKEN_NOT_YET_VALID',
  );

  describe('time claims, default tolerance 5 s', () => {
    it.each([
      ['exp 1200 s ahead', { exp: NOW + 1200 }, undefined],
      ['exp 4 s past (inside tolerance)', { iat: NOW - 1204, exp: NOW - 4 }, undefined],
      ['exp exactly 5 s past', { iat: NOW - 1205, exp: NOW - 5 }, EXPIRED],
      ['exp 1 h past', { iat: NOW - 4800, exp: NOW - 3600 }, EXPIRED],
      ['nbf 5 s ahead (inside tolerance)', { nbf: NOW + 5 }, undefined],
      ['nbf 6 s ahead', { nbf: NOW + 6 }, NBF_EARLY],
      ['iat 5 s ahead (inside tolerance)', { iat: NOW + 5 }, undefined],
      ['iat 6 s ahead', { iat: NOW + 6, exp: NOW + 1206 }, IAT_EARLY],
      ['no exp', { exp: undefined }, invalid('exp is missing', 'ERR_TOKEN_EXP_MISSING')],
      [
        'exp a string',
        { claims: { exp: String(NOW + 60) } },
        invalid('exp is not a number', 'ERR_TOKEN_CLAIM_INVALID'),
      ],
      [
        'nbf null',
        { claims: { nbf: null } },
        invalid('nbf is not a number', 'ERR_TOKEN_CLAIM_INVALID'),
      ],
    ])('%s', async (_case, options, refusal) => {
      const token = idp.issuer.mintToken({ ...options, roles: ['reader'] });
      const reply = await get(`${app.url}/items`, { token });
      if (refusal === undefined) expect(reply.status).toBe(200);
      else expectRefusal(reply, refusal, token);
    });

    it('refuses a token once it expires, even after it was accepted (and remembered)', async () => {
      const token = idp.issuer.mintToken({ iat: NOW, exp: NOW + 60, roles: ['reader'] });
      expect((await get(`${app.url}/items`, { token })).status).toBe(200);
      nowSec = NOW + 64;
      expect((await get(`${app.url}/items`, { token })).status).toBe(200);
      nowSec = NOW + 65;
      expectRefusal(await get(`${app.url}/items`, { token }), EXPIRED, token);
    });
  });

  describe('with clockToleranceSec: 0', () => {
    let strict: GuardedApp;
    beforeAll(async () => {
      strict = await startGuardedApp(
        {
          issuer: idp.issuer.issuer,
          clientId: 'target-api',
          clock,
          clockToleranceSec: 0,
        },
        false,
        kind,
      );
    });
    afterAll(() => strict.close());

    it.each([
      [{ iat: NOW - 1201, exp: NOW - 1 }, EXPIRED],
      [{ iat: NOW - 1200, exp: NOW }, EXPIRED],
      [{ iat: NOW - 1199, exp: NOW + 1 }, undefined],
      [{ nbf: NOW + 1 }, NBF_EARLY],
      [{ nbf: NOW }, undefined],
    ])('%j', async (options, refusal) => {
      const token = idp.issuer.mintToken({ ...options, roles: ['reader'] });
      const reply = await get(`${strict.url}/items`, { token });
      if (refusal === undefined) expect(reply.status).toBe(200);
      else expectRefusal(reply, refusal, token);
    });
  });

  describe('issuer', () => {
    const WRONG = () => invalid(`iss is not ${idp.issuer.issuer}`, 'ERR_TOKEN_ISSUER_INVALID');
    it.each([
      [
        'missing',
        () => ({ iss: undefined }),
        () => invalid('iss is missing', 'ERR_TOKEN_ISSUER_INVALID'),
      ],
      ['another realm', () => ({ iss: 'http://127.0.0.1:1/realms/other' }), WRONG],
      ['with a trailing slash', () => ({ iss: `${idp.issuer.issuer}/` }), WRONG],
      ['in another case', () => ({ iss: idp.issuer.issuer.toUpperCase() }), WRONG],
      ['a number', () => ({ claims: { iss: 42 } }), WRONG],
    ])('refuses iss %s', async (_case, options, refusal) => {
      const token = idp.issuer.mintToken({ ...options(), roles: ['reader'] });
      expectRefusal(await get(`${app.url}/items`, { token }), refusal(), token);
    });
  });

  describe('audience', () => {
    const WRONG = invalid('aud does not contain target-api', 'ERR_TOKEN_AUDIENCE_INVALID');
    it.each([
      ['missing', { aud: undefined }, invalid('aud is missing', 'ERR_TOKEN_AUDIENCE_INVALID')],
      ['another application', { aud: 'other-api' }, WRONG],
      ['an array without our id', { aud: ['other-api', 'account'] }, WRONG],
      ['an empty array', { aud: [] }, WRONG],
      ['a prefix of our id', { aud: 'target' }, WRONG],
      ['a number', { claims: { aud: 42 } }, WRONG],
      ['an array with our id', { aud: ['other-api', 'target-api'] }, undefined],
      ['our id', { aud: 'target-api' }, undefined],
    ])('aud %s', async (_case, options, refusal) => {
      const token = idp.issuer.mintToken({ ...options, roles: ['reader'] });
      const reply = await get(`${app.url}/items`, { token });
      if (refusal === undefined) expect(reply.status).toBe(200);
      else expectRefusal(reply, refusal, token);
    });
  });
});
