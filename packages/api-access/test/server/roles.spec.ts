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

  const needsAny = (roles: string) => ({
    status: 403,
    error: 'insufficient_scope',
    description: `requires any of the roles: ${roles.split(' ').join(', ')}`,
    code: 'ERR_ROLE_MISSING',
    scope: roles,
  });
  const needsAll = (roles: string) => ({
    ...needsAny(roles),
    description: `requires all of the roles: ${roles.split(' ').join(', ')}`,
  });
  const callerRefused = (description: string) => ({
    status: 403,
    error: 'insufficient_scope',
    description,
    code: 'ERR_CALLER_NOT_ALLOWED',
  });

  describe('route decorators (ItemsController has @Roles(reader) on the class)', () => {
    it.each([
      ['/items', 'caller', ['reader'], undefined],
      ['/items', 'caller', ['reader', 'writer'], undefined],
      ['/items', 'caller', ['writer'], needsAny('reader')],
      ['/items', 'stranger', [], needsAny('reader')],
      ['/items/admin', 'ops-bot', ['admin'], undefined], // handler @Roles(admin) replaces reader
      ['/items/admin', 'caller', ['reader', 'writer'], needsAny('admin')],
      ['/items/write-and-read', 'caller', ['reader', 'writer'], undefined],
      ['/items/write-and-read', 'caller', ['reader'], needsAll('reader writer')],
      ['/items/write-and-read', 'caller', ['writer', 'admin'], needsAll('reader writer')],
      ['/items/ops-only', 'ops-bot', ['admin'], undefined],
      ['/items/ops-only', 'caller', ['admin'], callerRefused('caller is not one of ops-bot')],
      ['/items/ops-only', 'ops-bot', ['reader'], needsAny('admin')],
      ['/any-token', 'stranger', [], undefined], // no requirement: any valid token passes
      ['/open/protected', 'stranger', [], undefined], // @Public(false) re-protects, token valid
    ])('GET %s as %s with roles %j', async (path, azp, roles, refusal) => {
      const token = running.idp.issuer.mintToken({ azp, roles });
      const reply = await get(`${running.app.url}${path}`, { token });
      if (refusal === undefined) expect(reply.status).toBe(200);
      else expectRefusal(reply, refusal, token);
    });

    it.each([
      ['/items/health', undefined],
      ['/items/health', { authorization: 'Bearer not-a-jwt' }],
      ['/open', undefined],
    ])('@Public() route %s needs no (valid) token: %j', async (path, auth) => {
      expect((await get(`${running.app.url}${path}`, auth)).status).toBe(200);
    });

    it('@Public(false) on a handler overrides @Public() on its class', async () => {
      expectRefusal(await get(`${running.app.url}/open/protected`), {
        status: 401,
        description: 'no bearer token',
        code: 'ERR_TOKEN_MISSING',
      });
    });
  });

  describe('roles claim content (default claim cern_roles)', () => {
    it.each([
      ['a string', 'reader'],
      ['an object', { reader: true }],
      ['an array holding a non-string', ['reader', 1]],
      ['a nested array', [['reader']]],
      ['null', null],
    ])('grants nothing when cern_roles is %s', async (_case, value) => {
      const token = running.idp.issuer.mintToken({ claims: { cern_roles: value } });
      expectRefusal(await get(`${running.app.url}/items`, { token }), needsAny('reader'), token);
    });

    it('grants nothing when the claim is missing', async () => {
      const token = running.idp.issuer.mintToken({ claims: { cern_roles: undefined } });
      expectRefusal(await get(`${running.app.url}/items`, { token }), needsAny('reader'), token);
    });

    it('ignores roles held in another application (resource_access of other-api)', async () => {
      const token = running.idp.issuer.mintToken({
        roles: [],
        claims: { resource_access: { 'other-api': { roles: ['reader', 'admin'] } } },
      });
      expectRefusal(await get(`${running.app.url}/items`, { token }), needsAny('reader'), token);
    });

    it('never reads roles through __proto__', async () => {
      const claims = JSON.stringify(running.idp.issuer.claims({ roles: [] })).slice(0, -1);
      const polluting = [
        `${claims},"__proto__":{"cern_roles":["reader"]}}`,
        `${claims.replace('"cern_roles":[]', '"cern_roles":{"__proto__":["reader"]}')}}`,
      ];
      for (const json of polluting) {
        const token = running.idp.issuer.sign(running.idp.issuer.header(), json);
        expectRefusal(await get(`${running.app.url}/items`, { token }), needsAny('reader'), token);
      }
      expect(({} as Record<string, unknown>)['cern_roles']).toBeUndefined();
    });
  });

  describe('with rolesClaim resource_access.target-api.roles', () => {
    let pathApp: GuardedApp;
    beforeAll(async () => {
      pathApp = await startGuardedApp(
        {
          issuer: running.idp.issuer.issuer,
          clientId: 'target-api',
          rolesClaim: 'resource_access.target-api.roles',
        },
        false,
        kind,
      );
    });
    afterAll(() => pathApp.close());

    it('reads the roles this application granted', async () => {
      const token = running.idp.issuer.mintToken({ roles: ['reader'], claims: { cern_roles: [] } });
      expect((await get(`${pathApp.url}/items`, { token })).status).toBe(200);
    });

    it.each([
      ['roles for another application only', { 'other-api': { roles: ['reader'] } }],
      ['a __proto__ hop', JSON.parse('{"__proto__":{"target-api":{"roles":["reader"]}}}')],
      ['roles of the wrong type', { 'target-api': { roles: 'reader' } }],
      ['resource_access an array', [{ 'target-api': { roles: ['reader'] } }]],
    ])('grants nothing for %s', async (_case, resourceAccess) => {
      const token = running.idp.issuer.mintToken({
        claims: { cern_roles: ['reader'], resource_access: resourceAccess },
      });
      expectRefusal(await get(`${pathApp.url}/items`, { token }), needsAny('reader'), token);
    });
  });

  describe('the caller id: azp (Keycloak), else client_id (RFC 9068)', () => {
    it.each([
      ['client_id only', { azp: undefined, claims: { client_id: 'ops-bot' } }, 200],
      ['azp and client_id', { azp: 'ops-bot', claims: { client_id: 'caller' } }, 200],
      ['azp wins', { azp: 'caller', claims: { client_id: 'ops-bot' } }, 403],
    ])('@AllowedCallers(ops-bot) with %s', async (_case, options, status) => {
      const token = running.idp.issuer.mintToken({ ...options, roles: ['admin'] });
      const reply = await get(`${running.app.url}/items/ops-only`, { token });
      expect([reply.status, reply.body['code']]).toEqual([
        status,
        status === 200 ? undefined : 'ERR_CALLER_NOT_ALLOWED',
      ]);
    });

    it('exposes a client_id caller as the principal', async () => {
      const token = running.idp.issuer.mintToken({
        azp: undefined,
        sub: 'ops-bot',
        roles: ['reader'],
        claims: { client_id: 'ops-bot' },
      });
      expect((await get(`${running.app.url}/items/me`, { token })).body).toMatchObject({
        clientId: 'ops-bot',
        isApplication: false,
      });
    });

    it('refuses a client_id that is not a string', async () => {
      const token = running.idp.issuer.mintToken({
        azp: undefined,
        claims: { client_id: 7 },
        roles: ['reader'],
      });
      expectRefusal(
        await get(`${running.app.url}/items/me`, { token }),
        {
          status: 401,
          error: 'invalid_token',
          description: 'client_id is not a string',
          code: 'ERR_TOKEN_CLAIM_INVALID',
        },
        token,
      );
    });
  });

  describe('with isApplication: sub equals client_id (RFC 9068 client credentials)', () => {
    let rfcApp: GuardedApp;
    beforeAll(async () => {
      rfcApp = await startGuardedApp(
        {
          issuer: running.idp.issuer.issuer,
          clientId: 'target-api',
          isApplication: (claims) => claims['sub'] === claims['client_id'],
        },
        false,
        kind,
      );
    });
    afterAll(() => rfcApp.close());

    it.each([
      ['ops-bot', true],
      ['service-account-ops-bot', false],
    ])('sub %s: isApplication %s', async (sub, isApplication) => {
      const token = running.idp.issuer.mintToken({
        azp: undefined,
        sub,
        roles: ['reader'],
        claims: { client_id: 'ops-bot' },
      });
      expect((await get(`${rfcApp.url}/items/me`, { token })).body).toMatchObject({
        clientId: 'ops-bot',
        isApplication,
      });
    });
  });

  describe('with allowedCallers: [caller] for the whole API', () => {
    let listApp: GuardedApp;
    beforeAll(async () => {
      listApp = await startGuardedApp(
        {
          issuer: running.idp.issuer.issuer,
          clientId: 'target-api',
          allowedCallers: ['caller'],
        },
        false,
        kind,
      );
    });
    afterAll(() => listApp.close());

    it.each([
      ['caller', undefined],
      ['stranger', callerRefused('caller is not on this API allow-list')],
      [undefined, callerRefused('caller is not on this API allow-list')],
    ])('azp %j', async (azp, refusal) => {
      const token = running.idp.issuer.mintToken({ azp, roles: ['reader'] });
      const reply = await get(`${listApp.url}/any-token`, { token });
      if (refusal === undefined) expect(reply.status).toBe(200);
      else expectRefusal(reply, refusal, token);
    });
  });

  describe('the principal (@CurrentPrincipal() in Nest)', () => {
    it('is the typed principal of the verified token', async () => {
      const token = running.idp.issuer.mintToken({
        azp: 'caller',
        aud: ['target-api', 'other-api'],
        roles: ['reader', 'writer'],
        jti: 'token-id-1',
        exp: 1_900_000_000,
      });
      expect((await get(`${running.app.url}/items/me`, { token })).body).toEqual({
        clientId: 'caller',
        subject: 'service-account-caller',
        audience: ['target-api', 'other-api'],
        roles: ['reader', 'writer'],
        tokenId: 'token-id-1',
        isApplication: true,
        expiresAt: 1_900_000_000,
      });
    });

    it('tells a person from an application by sub', async () => {
      const token = running.idp.issuer.mintToken({ sub: 'b1f0c6e2-user-uuid', roles: ['reader'] });
      expect((await get(`${running.app.url}/items/me`, { token })).body).toMatchObject({
        subject: 'b1f0c6e2-user-uuid',
        isApplication: false,
      });
    });

    // Nest only: `@CurrentPrincipal()` is the Nest adapter's.
    if (kind === 'nest')
      it('fails loudly (500) on a route the guard did not check, instead of giving undefined', async () => {
        const token = running.idp.issuer.mintToken({ roles: ['reader'] });
        expect((await get(`${running.app.url}/items/public-me`, { token })).status).toBe(500);
      });

    it('refuses a token whose azp is not a string', async () => {
      const token = running.idp.issuer.mintToken({
        claims: { azp: ['caller'] },
        roles: ['reader'],
      });
      expectRefusal(
        await get(`${running.app.url}/items/me`, { token }),
        {
          status: 401,
          error: 'invalid_token',
          description: 'azp is not a string',
          code: 'ERR_TOKEN_CLAIM_INVALID',
        },
        token,
      );
    });
  });
});
