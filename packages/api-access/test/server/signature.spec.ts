import {
  badTokens,
  startTestIssuer,
  stripSignature,
  tamperPayload,
  truncateSignature,
  type ServedTestIssuer,
} from '../../src/testing/index.js';
import { expectRefusal } from './support/expect-refusal.js';
import { GUARD_KINDS, startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

// The same checks against every way of guarding an API: Nest, Express with the passport
// strategy, and a plain Node `http` server (see support/guarded-app.ts).
describe.each(GUARD_KINDS)('%s', (kind) => {
  let idp: ServedTestIssuer;
  let attacker: ServedTestIssuer;
  let app: GuardedApp;
  beforeAll(async () => {
    idp = await startTestIssuer();
    attacker = await startTestIssuer();
    app = await startGuardedApp({ issuer: idp.issuer.issuer, clientId: 'target-api' }, false, kind);
    // Warm the key cache so that any later JWKS request would show up in the counters.
    await get(`${app.url}/items`, { token: idp.issuer.mintToken({ roles: ['reader'] }) });
  });
  afterAll(async () => {
    await app.close();
    await Promise.all([idp.stop(), attacker.stop()]);
  });

  const invalid = (description: string, code: string) => ({
    status: 401,
    error: 'invalid_token',
    description,
    code,
  });
  const SIGNATURE = invalid('signature does not verify', 'ERR_TOKEN_SIGNATURE_INVALID');

  describe('signature', () => {
    it.each([
      ['roles raised', { cern_roles: ['admin'] }],
      ['caller changed', { azp: 'ops-bot', sub: 'service-account-ops-bot' }],
      ['lifetime extended', { exp: Math.floor(Date.now() / 1000) + 86_400 }],
    ])('refuses a tampered payload (%s)', async (_case, changes) => {
      const token = tamperPayload(idp.issuer.mintToken({ roles: ['reader'] }), changes);
      expectRefusal(await get(`${app.url}/items/admin`, { token }), SIGNATURE, token);
    });

    it('refuses a stripped signature', async () => {
      const token = stripSignature(idp.issuer.mintToken({ roles: ['reader'] }));
      expectRefusal(
        await get(`${app.url}/items`, { token }),
        invalid('signature is missing', 'ERR_TOKEN_SIGNATURE_INVALID'),
        token,
      );
    });

    it.each([1, 8, 100])('refuses a signature truncated by %i characters', async (chars) => {
      const token = truncateSignature(idp.issuer.mintToken({ roles: ['reader'] }), chars);
      expectRefusal(await get(`${app.url}/items`, { token }), SIGNATURE, token);
    });

    it('refuses a token signed by another key that claims the real kid', async () => {
      const token = attacker.issuer.mintToken({
        kid: idp.issuer.currentKey.kid,
        iss: idp.issuer.issuer,
        roles: ['reader'],
      });
      expectRefusal(await get(`${app.url}/items`, { token }), SIGNATURE, token);
    });
  });

  describe('key selection', () => {
    it('refuses a kid the JWKS does not have', async () => {
      const token = idp.issuer.mintToken({ kid: 'not-a-published-kid', roles: ['reader'] });
      expectRefusal(
        await get(`${app.url}/items`, { token }),
        invalid('kid is not in the JWKS', 'ERR_TOKEN_KID_UNKNOWN'),
        token,
      );
    });

    it.each([{ kid: '' }, { header: { kid: 42 } }])(
      'refuses a header kid that is not a non-empty string (%j)',
      async (options) => {
        const token = idp.issuer.mintToken({ ...options, roles: ['reader'] });
        expectRefusal(
          await get(`${app.url}/items`, { token }),
          invalid('header kid is not a non-empty string', 'ERR_TOKEN_KID_MISSING'),
          token,
        );
      },
    );

    it('accepts a token without kid while the JWKS has exactly one key', async () => {
      const token = idp.issuer.mintToken({ kid: undefined, roles: ['reader'] });
      expect((await get(`${app.url}/items`, { token })).status).toBe(200);
    });

    it('refuses a token without kid when the JWKS has several keys', async () => {
      const several = await startTestIssuer();
      several.issuer.rotateKeys();
      const guarded = await startGuardedApp(
        { issuer: several.issuer.issuer, clientId: 'target-api' },
        false,
        kind,
      );
      try {
        const token = several.issuer.mintToken({ kid: undefined, roles: ['reader'] });
        expectRefusal(
          await get(`${guarded.url}/items`, { token }),
          invalid(
            'header has no kid and the JWKS has 2 keys to choose from',
            'ERR_TOKEN_KID_MISSING',
          ),
          token,
        );
      } finally {
        await guarded.close();
        await several.stop();
      }
    });

    it.each([
      ['jwk', { jwk: true as const }],
      ['x5c', { x5c: true as const }],
      ['jku', 'jku'],
      ['x5u', 'x5u'],
    ])('never uses a key advertised in the header (%s), nor fetches it', async (_name, embed) => {
      const before = { ours: idp.jwksRequests(), theirs: attacker.jwksRequests() };
      const header =
        typeof embed === 'string' ? { [embed]: attacker.jwksUri } : (embed as { jwk: true });
      const token = badTokens(idp.issuer).embeddedKey(header as { jwk: true }, {
        roles: ['reader'],
      });
      expectRefusal(await get(`${app.url}/items`, { token }), SIGNATURE, token);
      expect({ ours: idp.jwksRequests(), theirs: attacker.jwksRequests() }).toEqual(before);
    });
  });

  describe('header and structure', () => {
    it.each([['exp'], ['b64'], ['unknown-extension']])('refuses crit [%s]', async (name) => {
      const token = badTokens(idp.issuer).withCrit([name], { roles: ['reader'] });
      expectRefusal(
        await get(`${app.url}/items`, { token }),
        invalid(
          'crit header names extensions this API does not understand',
          'ERR_TOKEN_CRIT_UNSUPPORTED',
        ),
        token,
      );
    });

    it.each([
      ['one part', 'abc', 'token must have three dot-separated parts'],
      ['two parts', 'abc.def', 'token must have three dot-separated parts'],
      ['four parts', 'a.b.c.d', 'token must have three dot-separated parts'],
      ['header not JSON', 'aGVsbG8.e30.c2ln', 'header is not JSON'],
      ['header a JSON array', 'W10.e30.c2ln', 'header is not a JSON object'],
      ['empty header', '.e30.c2ln', 'header is not base64url'],
    ])('refuses a malformed token (%s)', async (_case, token, description) => {
      expectRefusal(
        await get(`${app.url}/items`, { token }),
        invalid(description, 'ERR_TOKEN_MALFORMED'),
        token,
      );
    });

    it('refuses a payload that is not JSON', async () => {
      const token = `${idp.issuer.mintToken().split('.')[0]}.bm90LWpzb24.c2ln`;
      expectRefusal(
        await get(`${app.url}/items`, { token }),
        invalid('payload is not JSON', 'ERR_TOKEN_MALFORMED'),
        token,
      );
    });

    it.each(['[]', '[{"aud":"target-api"}]', '"target-api"', '42', 'null', 'true'])(
      'refuses a correctly signed payload that is not an object: %s',
      async (json) => {
        const token = badTokens(idp.issuer).rawPayload(json);
        expectRefusal(
          await get(`${app.url}/items`, { token }),
          invalid('payload is not a JSON object', 'ERR_TOKEN_PAYLOAD_NOT_OBJECT'),
          token,
        );
      },
    );

    it('ignores header typ by default (Keycloak sends JWT, RFC 9068 at+jwt)', async () => {
      for (const typ of ['JWT', 'at+jwt', undefined]) {
        const token = idp.issuer.mintToken({ typ, roles: ['reader'] });
        expect((await get(`${app.url}/items`, { token })).status).toBe(200);
      }
    });
  });

  describe('with requireTyp: at+jwt', () => {
    let strict: GuardedApp;
    beforeAll(async () => {
      strict = await startGuardedApp(
        {
          issuer: idp.issuer.issuer,
          clientId: 'target-api',
          requireTyp: 'at+jwt',
        },
        false,
        kind,
      );
    });
    afterAll(() => strict.close());

    it.each([
      ['at+jwt', 200],
      ['application/AT+JWT', 200],
      ['JWT', 401],
      [undefined, 401],
    ])('typ %j gives %i', async (typ, status) => {
      const token = idp.issuer.mintToken({ typ, roles: ['reader'] });
      const reply = await get(`${strict.url}/items`, { token });
      if (status === 200) expect(reply.status).toBe(200);
      else
        expectRefusal(reply, invalid('header typ is not at+jwt', 'ERR_TOKEN_TYP_INVALID'), token);
    });
  });
});
