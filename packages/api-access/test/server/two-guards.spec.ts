import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

// Passport keeps one strategy per name for the whole process, and every ApiAccessModule
// registers 'api-access'. Each guard sends its own verifier with the request, so two apps with
// different options in one process still verify each against its own options.
let idp: ServedTestIssuer;
let first: GuardedApp;
let second: GuardedApp;
beforeAll(async () => {
  idp = await startTestIssuer();
  first = await startGuardedApp({ issuer: idp.issuer.issuer, clientId: 'first-api' });
  second = await startGuardedApp({
    issuer: idp.issuer.issuer,
    clientId: 'second-api',
    rolesClaim: 'resource_access.second-api.roles',
  });
});
afterAll(async () => {
  await Promise.all([first.close(), second.close()]);
  await idp.stop();
});

it.each([
  ['first-api', 200, 401],
  ['second-api', 401, 200],
])('a token for %s passes only its own guard', async (aud, atFirst, atSecond) => {
  const token = idp.issuer.mintToken({ aud, roles: ['reader'] });
  const replies = await Promise.all([
    get(`${first.url}/items`, { token }),
    get(`${second.url}/items`, { token }),
  ]);
  expect(replies.map((reply) => [reply.status, reply.body['code']])).toEqual([
    [atFirst, atFirst === 200 ? undefined : 'ERR_TOKEN_AUDIENCE_INVALID'],
    [atSecond, atSecond === 200 ? undefined : 'ERR_TOKEN_AUDIENCE_INVALID'],
  ]);
});

it('reads roles where each guard was told to', async () => {
  const token = idp.issuer.mintToken({
    aud: ['first-api', 'second-api'],
    roles: [],
    claims: {
      cern_roles: ['reader'],
      resource_access: { 'second-api': { roles: ['reader', 'admin'] } },
    },
  });
  expect((await get(`${first.url}/items/me`, { token })).body['roles']).toEqual(['reader']);
  expect((await get(`${second.url}/items/me`, { token })).body['roles']).toEqual([
    'reader',
    'admin',
  ]);
});
