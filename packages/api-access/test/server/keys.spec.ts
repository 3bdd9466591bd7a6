import { randomUUID } from 'node:crypto';
import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { CapturedLogs } from './support/captured-logs.js';
import { expectRefusal } from './support/expect-refusal.js';
import { startGuardedApp, type GuardedApp } from './support/guarded-app.js';
import { get } from './support/http.js';

let idp: ServedTestIssuer;
let app: GuardedApp | undefined;
let logs: CapturedLogs;
beforeEach(async () => {
  idp = await startTestIssuer();
  logs = new CapturedLogs();
  app = await startGuardedApp({ issuer: idp.issuer.issuer, clientId: 'target-api' }, logs);
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

it('finds keys with only issuer and clientId configured, fetching the JWKS once', async () => {
  for (let i = 0; i < 5; i++) expect((await get(url(), { token: mint() })).status).toBe(200);
  expect(idp.jwksRequests()).toBe(1);
});

it('accepts a rotated key after exactly one refetch, and keeps accepting the old one', async () => {
  expect((await get(url(), { token: mint() })).status).toBe(200);
  idp.issuer.rotateKeys();
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
  expectRefusal(
    await get(url(), { token }),
    {
      status: 401,
      error: 'invalid_token',
      description: 'kid is not in the JWKS',
      code: 'ERR_TOKEN_KID_UNKNOWN',
    },
    token,
  );
});

it('bounds JWKS fetches under a flood of random kids (10 per minute by default)', async () => {
  expect((await get(url(), { token: mint() })).status).toBe(200);
  const descriptions = new Map<string, number>();
  for (let i = 0; i < 40; i++) {
    const token = mint({ kid: randomUUID() });
    const reply = await get(url(), { token });
    expect([reply.status, reply.body['code']]).toEqual([401, 'ERR_TOKEN_KID_UNKNOWN']);
    const description = String(reply.body['error_description']);
    descriptions.set(description, (descriptions.get(description) ?? 0) + 1);
  }
  // Each lookup that reached the JWKS says so; the rest were refused without a request.
  const fetched = descriptions.get('kid is not in the JWKS') ?? 0;
  expect(descriptions.get('kid is not in the JWKS (refetch rate-limited)')).toBe(40 - fetched);
  expect(idp.jwksRequests()).toBe(1 + fetched);
  expect(fetched).toBeLessThanOrEqual(10);
  // The known key still works: cached keys cost no fetch, so the flood cannot lock callers out.
  expect((await get(url(), { token: mint() })).status).toBe(200);
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
    expect((await get(url(), { token })).status).toBe(200);
  });

  it('with a warm cache and an unknown kid: 503, since the JWKS cannot be asked', async () => {
    expect((await get(url(), { token: mint() })).status).toBe(200);
    await idp.setMode(mode);
    const token = mint({ kid: randomUUID() });
    expectRefusal(await get(url(), { token }), UNAVAILABLE, token);
  });
});

it('gives up on a JWKS that never answers after jwksTimeoutMs and answers 503', async () => {
  const patient = await startGuardedApp({
    issuer: idp.issuer.issuer,
    clientId: 'target-api',
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
