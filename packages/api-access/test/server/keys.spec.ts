import { randomUUID } from 'node:crypto';
import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { eventually, RecordingLogger } from '@cern-sso/testing-support';
import { expectRefusal } from './support/expect-refusal.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get, type Reply } from './support/http.js';
import { manualTime, type ManualTime } from './support/manual-time.js';

// Time is manual: a request for an unknown kid waits for the next allowed JWKS fetch, and the
// test moves the clock to it instead of waiting 6 s.
let time: ManualTime;
let idp: ServedTestIssuer;
let app: GuardedApp | undefined;
let logs: RecordingLogger;
beforeEach(async () => {
  time = manualTime();
  idp = await startTestIssuer({ clock: time.now });
  logs = new RecordingLogger();
  app = await startGuardedApp(
    {
      issuer: idp.issuer.issuer,
      clientId: 'target-api',
      clock: time.now,
      scheduler: time.scheduler,
    },
    logs,
  );
});
afterEach(async () => {
  await app?.close();
  await idp.stop();
});

const url = () => `${app?.url}/items`;
const mint = (options = {}) => idp.issuer.mintToken({ roles: ['reader'], ...options });
const headerOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid?: string };
const UNAVAILABLE = {
  status: 503,
  description: 'token signing keys are temporarily unavailable',
  code: 'ERR_KEYS_UNAVAILABLE',
};
const KID_UNKNOWN = {
  status: 401,
  error: 'invalid_token',
  description: 'kid is not in the JWKS',
  code: 'ERR_TOKEN_KID_UNKNOWN',
};

/** Sends a request that will wait for the next JWKS fetch, then moves the clock to that fetch. */
async function afterNextFetch(token: string): Promise<Reply> {
  const reply = get(url(), { token });
  // The background refresh plus the scheduled fetch the request waits for.
  await eventually(() => time.pending() === 2);
  time.advance(6_000);
  return reply;
}

it('finds keys with only issuer and clientId configured: discovery, then one JWKS fetch', async () => {
  for (let i = 0; i < 5; i++) expect((await get(url(), { token: mint() })).status).toBe(200);
  expect({ discovery: idp.discoveryRequests(), jwks: idp.jwksRequests() }).toEqual({
    discovery: 1,
    jwks: 1,
  });
});

describe('where the JWKS comes from', () => {
  let other: ServedTestIssuer;
  let otherApp: GuardedApp;
  afterEach(async () => {
    await otherApp.close();
    await other.stop();
  });

  it('follows the discovery document to a JWKS outside Keycloak’s path', async () => {
    other = await startTestIssuer({ jwksPath: '/jwks' });
    otherApp = await startGuardedApp({ issuer: other.issuer.issuer, clientId: 'target-api' });
    const token = other.issuer.mintToken({ roles: ['reader'] });
    expect((await get(`${otherApp.url}/items`, { token })).status).toBe(200);
    expect(other.jwksUri).toMatch(/\/realms\/test\/jwks$/);
  });

  it('falls back to Keycloak’s path when there is no discovery document, and says so', async () => {
    other = await startTestIssuer({ discovery: false });
    const warned = new RecordingLogger();
    otherApp = await startGuardedApp(
      { issuer: other.issuer.issuer, clientId: 'target-api' },
      warned,
    );
    const token = other.issuer.mintToken({ roles: ['reader'] });
    expect((await get(`${otherApp.url}/items`, { token })).status).toBe(200);
    expect(warned.lines.filter(([level]) => level === 'warn')).toEqual([
      [
        'warn',
        'ApiAccess',
        `OpenID discovery failed (GET ${other.issuer.issuer}/.well-known/openid-configuration: HTTP 404); using ${other.jwksUri}`,
      ],
    ]);
  });

  it('uses a configured jwksUri without asking for discovery', async () => {
    other = await startTestIssuer({ jwksPath: '/jwks' });
    otherApp = await startGuardedApp({
      issuer: other.issuer.issuer,
      clientId: 'target-api',
      jwksUri: other.jwksUri,
    });
    const token = other.issuer.mintToken({ roles: ['reader'] });
    expect((await get(`${otherApp.url}/items`, { token })).status).toBe(200);
    expect(other.discoveryRequests()).toBe(0);
  });
});

it('accepts a rotated key after exactly one refetch, and keeps accepting the old one', async () => {
  expect((await get(url(), { token: mint() })).status).toBe(200);
  idp.issuer.rotateKeys();
  expect((await afterNextFetch(mint())).status).toBe(200);
  for (let i = 0; i < 3; i++) expect((await get(url(), { token: mint() })).status).toBe(200);
  expect(idp.jwksRequests()).toBe(2);
  const oldKid = idp.issuer.jwks().keys[0]?.kid as string;
  const oldKeyToken = mint({ signingKid: oldKid });
  expect(headerOf(oldKeyToken).kid).toBe(oldKid);
  expect((await get(url(), { token: oldKeyToken })).status).toBe(200);
  expect(idp.jwksRequests()).toBe(2);
});

it('refuses a kid the SSO no longer publishes after a rotation', async () => {
  const oldKid = idp.issuer.currentKey.kid;
  idp.issuer.rotateKeys({ keepPrevious: false });
  const token = mint({ signingKid: undefined, kid: oldKid });
  expectRefusal(await get(url(), { token }), KID_UNKNOWN, token);
});

it('drops a verified token within 60 s of its key leaving the JWKS (issue 14 F5)', async () => {
  const token = mint();
  expect((await get(url(), { token })).status).toBe(200);
  idp.issuer.rotateKeys({ keepPrevious: false });
  // Served from the verified-token cache until the key set is refreshed.
  expect((await get(url(), { token })).status).toBe(200);
  time.advance(60_000);
  const refreshedAt = time.now();
  await eventually(() => {
    const state = app?.verifier.keySetState();
    return state?.status === 'fresh' && state.fetchedAt === refreshedAt;
  });
  expect(idp.jwksRequests()).toBe(2);
  // Its kid is now unknown: refused after the next allowed fetch, which does not have it either.
  expectRefusal(await afterNextFetch(token), KID_UNKNOWN, token);
});

it('makes an unknown kid wait for the next allowed fetch while known kids are served', async () => {
  expect((await get(url(), { token: mint() })).status).toBe(200);
  const unknown = mint({ kid: randomUUID() });
  const waiting = get(url(), { token: unknown });
  await eventually(() => time.pending() === 2);
  expect((await get(url(), { token: mint() })).status).toBe(200);
  time.advance(6_000);
  expectRefusal(await waiting, KID_UNKNOWN, unknown);
  expect(idp.jwksRequests()).toBe(2);
});

it('stops the background refresh when the app closes (onModuleDestroy)', async () => {
  expect((await get(url(), { token: mint() })).status).toBe(200);
  expect(time.pending()).toBe(1);
  await app?.close();
  app = undefined;
  expect(time.pending()).toBe(0);
});

describe.each(['down', 'failing'] as const)('JWKS endpoint %s', (mode) => {
  it('with a warm cache: new tokens for a known kid are still served', async () => {
    expect((await get(url(), { token: mint() })).status).toBe(200);
    await idp.setMode(mode);
    expect((await get(url(), { token: mint() })).status).toBe(200);
  });

  it('with a cold cache: 503 with Retry-After, logged as an outage, then recovers', async () => {
    await idp.setMode(mode);
    const token = mint();
    const reply = await get(url(), { token });
    expectRefusal(reply, UNAVAILABLE, token);
    expect(reply.retryAfter).toBe('10');
    const outage = logs.lines.filter(([level]) => level === 'error');
    expect(outage).toEqual([
      [
        'error',
        'ApiAccessGuard',
        expect.stringMatching(
          /^ERR_KEYS_UNAVAILABLE: signing keys unavailable: JWKS http:\/\/127\.0\.0\.1:\d+\/realms\/test\/protocol\/openid-connect\/certs failed/,
        ),
      ],
    ]);
    expect(JSON.stringify(logs.lines)).not.toContain(token);

    await idp.setMode('up');
    expect((await afterNextFetch(token)).status).toBe(200);
  });

  it('with a warm cache and an unknown kid: 503, since the JWKS cannot be asked', async () => {
    expect((await get(url(), { token: mint() })).status).toBe(200);
    await idp.setMode(mode);
    const token = mint({ kid: randomUUID() });
    expectRefusal(await afterNextFetch(token), UNAVAILABLE, token);
  });
});

it('gives up on a JWKS that never answers after jwksTimeoutMs and answers 503', async () => {
  const patient = await startGuardedApp({
    issuer: idp.issuer.issuer,
    clientId: 'target-api',
    jwksUri: idp.jwksUri,
    jwksTimeoutMs: 200,
  });
  try {
    await idp.setMode('hanging');
    const token = mint();
    const started = performance.now();
    expectRefusal(await get(`${patient.url}/items`, { token }), UNAVAILABLE, token);
    // Bounded by the timeout, not by the SSO: well under jest's 20 s and the 5 s maximum.
    expect(performance.now() - started).toBeLessThan(4000);
  } finally {
    await patient.close();
  }
});
