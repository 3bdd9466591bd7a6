import { badTokens } from '../../src/testing/index.js';
import { expectRefusal } from './support/expect-refusal.js';
import {
  GUARD_KINDS,
  startGuardedApp,
  useGuardedApp,
  type GuardedApp,
} from './support/guarded-app.js';
import { get } from './support/http.js';

// The same checks against every way of guarding an API: Nest, Express with the passport
// strategy, and a plain Node `http` server (see support/guarded-app.ts).
describe.each(GUARD_KINDS)('%s', (kind) => {
  const running = useGuardedApp(kind);

  const ALG_REFUSED = {
    status: 401,
    error: 'invalid_token',
    description: 'alg is not one of RS256',
    code: 'ERR_TOKEN_ALG_NOT_ALLOWED',
  };

  it('accepts a valid RS256 token (the baseline every other case differs from)', async () => {
    const token = running.idp.issuer.mintToken({ roles: ['reader'] });
    expect((await get(`${running.app.url}/items`, { token })).status).toBe(200);
  });

  it.each(['none', 'None', 'NONE', 'nOnE'])(
    'refuses an unsigned token with alg %j',
    async (alg) => {
      const token = badTokens(running.idp.issuer).algNone(alg, { roles: ['reader'] });
      expectRefusal(await get(`${running.app.url}/items`, { token }), ALG_REFUSED, token);
    },
  );

  it('refuses HS256 signed with the RSA public key as the HMAC secret (key confusion)', async () => {
    const token = badTokens(running.idp.issuer).hmacWithPublicKey({ roles: ['reader'] });
    expectRefusal(await get(`${running.app.url}/items`, { token }), ALG_REFUSED, token);
  });

  it.each(['RS384', 'RS512', 'PS256'])(
    'refuses a correctly signed %s token against the RS256 allow-list',
    async (alg) => {
      const token = running.idp.issuer.mintToken({ alg, roles: ['reader'] });
      expectRefusal(await get(`${running.app.url}/items`, { token }), ALG_REFUSED, token);
    },
  );

  it.each([{ alg: 12 }, { alg: null }, {}])('refuses a header with alg %j', async (fields) => {
    const header = { ...running.idp.issuer.header(), alg: undefined, ...fields };
    const token = running.idp.issuer.sign(
      JSON.parse(JSON.stringify(header)),
      running.idp.issuer.claims(),
    );
    expectRefusal(await get(`${running.app.url}/items`, { token }), ALG_REFUSED, token);
  });

  describe('with algorithms [RS256, PS256] configured', () => {
    let wide: GuardedApp;
    beforeAll(async () => {
      wide = await startGuardedApp(
        {
          issuer: running.idp.issuer.issuer,
          clientId: 'target-api',
          algorithms: ['RS256', 'PS256'],
        },
        false,
        kind,
      );
    });
    afterAll(() => wide.close());

    it('accepts PS256 and still refuses RS384 and HS256', async () => {
      const ps256 = running.idp.issuer.mintToken({ alg: 'PS256', roles: ['reader'] });
      expect((await get(`${wide.url}/items`, { token: ps256 })).status).toBe(200);
      const refused = { ...ALG_REFUSED, description: 'alg is not one of RS256, PS256' };
      const rs384 = running.idp.issuer.mintToken({ alg: 'RS384', roles: ['reader'] });
      expectRefusal(await get(`${wide.url}/items`, { token: rs384 }), refused, rs384);
      const hs256 = badTokens(running.idp.issuer).hmacWithPublicKey({ roles: ['reader'] });
      expectRefusal(await get(`${wide.url}/items`, { token: hs256 }), refused, hs256);
    });
  });
});
