import { expectRefusal } from './support/expect-refusal.js';
import { GUARD_KINDS, startGuardedApp, useGuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

// The same checks against every way of guarding an API: Nest, Express with the passport
// strategy, and a plain Node `http` server (see support/guarded-app.ts).
describe.each(GUARD_KINDS)('%s', (kind) => {
  const running = useGuardedApp(kind);

  describe('no bearer credentials: 401 with a bare challenge (RFC 6750 §3.1)', () => {
    it('without an Authorization header', async () => {
      expectRefusal(await get(`${running.app.url}/items`), {
        status: 401,
        description: 'no bearer token',
        code: 'ERR_TOKEN_MISSING',
      });
    });

    it.each(['Basic dXNlcjpwYXNz', 'Negotiate abc', 'Bearertoken'])('with %j', async (header) => {
      expectRefusal(await get(`${running.app.url}/items`, { authorization: header }), {
        status: 401,
        description: 'no bearer token (other authorization scheme)',
        code: 'ERR_TOKEN_MISSING',
      });
    });
  });

  describe('malformed Authorization header: 400 invalid_request', () => {
    it.each(['Bearer', 'Bearer ', 'Bearer a b', 'Bearer "quoted"', 'Bearer a=b', 'Bearer tok,en'])(
      '%j',
      async (header) => {
        expectRefusal(await get(`${running.app.url}/items`, { authorization: header }), {
          status: 400,
          error: 'invalid_request',
          description: 'Authorization must be Bearer followed by one token',
          code: 'ERR_AUTHORIZATION_HEADER_MALFORMED',
        });
      },
    );
  });

  it('accepts the scheme in any case and several spaces before the token', async () => {
    const token = running.idp.issuer.mintToken({ roles: ['reader'] });
    for (const scheme of ['bearer ', 'BEARER ', 'Bearer   ']) {
      expect(
        (await get(`${running.app.url}/items`, { authorization: scheme + token })).status,
      ).toBe(200);
    }
  });

  it('uses the configured realm in every challenge', async () => {
    const realmApp = await startGuardedApp(
      {
        issuer: running.idp.issuer.issuer,
        clientId: 'target-api',
        realm: 'cern-apis',
      },
      false,
      kind,
    );
    try {
      const token = running.idp.issuer.mintToken({ aud: 'other-api' });
      expectRefusal(
        await get(`${realmApp.url}/items`, { token }),
        {
          status: 401,
          error: 'invalid_token',
          description: 'aud does not contain target-api',
          code: 'ERR_TOKEN_AUDIENCE_INVALID',
        },
        token,
        'cern-apis',
      );
    } finally {
      await realmApp.close();
    }
  });
});
