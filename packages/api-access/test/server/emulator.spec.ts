import { startEmulator, type RunningEmulator } from '../support/emulator.js';
import { expectRefusal } from './support/expect-refusal.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

// The real thing, as far as this repository goes: tokens from the SSO emulator's process,
// checked by a guard configured with nothing but the issuer and its own client id.
let sso: RunningEmulator;
let app: GuardedApp;
beforeAll(async () => {
  sso = await startEmulator();
  app = await startGuardedApp({ issuer: sso.issuer, clientId: 'target-api' });
});
afterAll(async () => {
  await app?.close();
  await sso?.stop();
});

async function tokenFrom(endpoint: string, client: string, audience?: string): Promise<string> {
  const form = new URLSearchParams({
    grant_type: 'client_credentials',
    client_id: client,
    client_secret: `${client}-secret`,
  });
  if (audience !== undefined) form.set('audience', audience);
  const response = await fetch(endpoint, { method: 'POST', body: form });
  const body = (await response.json()) as { access_token?: string };
  if (body.access_token === undefined) throw new Error(`no token: ${JSON.stringify(body)}`);
  return body.access_token;
}

const apiAccessToken = (client: string, audience = 'target-api') =>
  tokenFrom(sso.tokenEndpoint, client, audience);

it('accepts a caller with the reader role and exposes it as the principal', async () => {
  const token = await apiAccessToken('caller');
  expect((await get(`${app.url}/items`, { token })).status).toBe(200);
  expect((await get(`${app.url}/items/me`, { token })).body).toMatchObject({
    clientId: 'caller',
    subject: 'service-account-caller',
    audience: ['target-api'],
    roles: ['reader', 'writer'],
    isApplication: true,
  });
});

it.each([
  ['caller', '/items/write-and-read', 200],
  ['ops-bot', '/items/admin', 200],
  ['ops-bot', '/items/ops-only', 200],
  ['caller', '/items/admin', 403],
  ['auditor-bot', '/items/write-and-read', 403],
])('%s on %s gives %i', async (client, path, status) => {
  const token = await apiAccessToken(client);
  expect((await get(`${app.url}${path}`, { token })).status).toBe(status);
});

it('refuses a stranger (valid token for this API, no role) with 403', async () => {
  const token = await apiAccessToken('stranger');
  expectRefusal(
    await get(`${app.url}/items`, { token }),
    {
      status: 403,
      error: 'insufficient_scope',
      description: 'requires any of the roles: reader',
      code: 'ERR_ROLE_MISSING',
      scope: 'reader',
    },
    token,
  );
});

it('refuses a token the caller obtained for another application', async () => {
  const token = await apiAccessToken('caller', 'auditor-bot');
  expectRefusal(
    await get(`${app.url}/items`, { token }),
    {
      status: 401,
      error: 'invalid_token',
      description: 'aud does not contain target-api',
      code: 'ERR_TOKEN_AUDIENCE_INVALID',
    },
    token,
  );
});

it("refuses a token from the standard endpoint (not addressed to this API's audience)", async () => {
  const token = await tokenFrom(sso.standardTokenEndpoint, 'caller');
  const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
  const reply = await get(`${app.url}/items`, { token });
  expectRefusal(
    reply,
    {
      status: 401,
      error: 'invalid_token',
      description: payload.aud === undefined ? 'aud is missing' : 'aud does not contain target-api',
      code: 'ERR_TOKEN_AUDIENCE_INVALID',
    },
    token,
  );
});

it('accepts tokens signed after a key rotation with exactly one more JWKS fetch', async () => {
  expect((await get(`${app.url}/items`, { token: await apiAccessToken('caller') })).status).toBe(
    200,
  );
  const before = (await sso.stats()).jwksRequests;
  await sso.rotateKeys();
  for (const client of ['caller', 'auditor-bot', 'caller']) {
    const token = await apiAccessToken(client);
    expect((await get(`${app.url}/items`, { token })).status).toBe(200);
  }
  expect((await sso.stats()).jwksRequests).toBe(before + 1);
});
