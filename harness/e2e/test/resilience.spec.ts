import { decodeProtectedHeader } from 'jose';
import { TokenClient } from '@cern-sso/api-access/client';
import { startStack, type Stack } from '@cern-sso/stack';
import { demoSecretOf } from '../src/index.js';
import { eventually } from '@cern-sso/testing-support';
import { status } from './support/status.js';
import { usesRunningServices } from './support/environment.js';

// These scenarios stop and restart services, so they need the processes this suite starts.
const local = usesRunningServices ? describe.skip : describe;

local('resilience (services started by the suite)', () => {
  let stack: Stack;
  beforeAll(async () => (stack = await startStack()));
  afterAll(() => stack.stop());

  it('keeps every request working while the SSO rotates its keys', async () => {
    const results: number[] = [];
    let rotated = false;
    const traffic = (async () => {
      while (!rotated || results.length < 200) {
        results.push(
          ...(await Promise.all([1, 2, 3, 4].map(() => status(`${stack.caller.url}/reports`)))),
        );
      }
    })();
    await eventually(async () => results.length >= 40, {
      timeoutMs: 30_000,
      what: 'traffic before the rotation',
    });
    const current = await stack.admin.rotateKeys();
    rotated = true;
    await traffic;

    // A token signed with the new key is accepted too: target-api fetches the new JWKS once.
    const token = await new TokenClient({
      tokenEndpoint: stack.tokenEndpoint,
      clientId: 'ops-bot',
      clientSecret: demoSecretOf('ops-bot'),
    }).getToken('target-api');
    expect(decodeProtectedHeader(token).kid).toBe(current);
    const response = await fetch(`${stack.target.url}/reports`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.status).toBe(200);
    expect(results.filter((code) => code !== 200)).toEqual([]);
  });

  it('recovers after target-api restarts, without restarting the caller', async () => {
    expect(await status(`${stack.caller.url}/reports`)).toBe(200);
    await stack.target.stop();
    const down = await fetch(`${stack.caller.url}/reports`);
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: 'target_unreachable' });
    await stack.target.start();
    expect(await status(`${stack.caller.url}/reports`)).toBe(200);
  });

  it('makes one token request for a burst of concurrent calls on a cold cache', async () => {
    await stack.caller.stop();
    stack.caller.log.length = 0; // forget the previous run's lines
    await stack.caller.start();
    // The caller tries its credentials once at start (a token of its own, outside the cache):
    // wait for that request so that it is not counted below.
    await eventually(
      async () => stack.caller.log.some((line) => line.includes('credentials checked')),
      { timeoutMs: 30_000, what: "the caller's start-up check" },
    );
    const before = await stack.admin.stats();
    const statuses = await Promise.all(
      Array.from({ length: 100 }, () => status(`${stack.caller.url}/reports`)),
    );
    const after = await stack.admin.stats();
    expect(statuses.filter((code) => code !== 200)).toEqual([]);
    expect(after.tokenRequests.apiAccess - before.tokenRequests.apiAccess).toBe(1);
  });
});

local('SSO outage (short-lived tokens)', () => {
  // Long enough that the token surely outlives stopping the SSO on a busy machine.
  const lifetimeSec = 15;
  let stack: Stack;
  beforeAll(
    async () =>
      (stack = await startStack({ env: { sso: { SSO_TOKEN_LIFETIME: String(lifetimeSec) } } })),
  );
  afterAll(() => stack.stop());

  it('keeps calling with the cached token, answers 503 past its expiry, and recovers when the SSO is back', async () => {
    expect(await status(`${stack.caller.url}/reports`)).toBe(200);
    await stack.sso.stop();
    // The token the caller holds is still valid, and target-api has the keys cached.
    expect(await status(`${stack.caller.url}/reports`)).toBe(200);

    // Real time must pass for a token to expire in another process; poll, do not sleep blindly.
    await eventually(async () => (await status(`${stack.caller.url}/reports`)) === 503, {
      timeoutMs: (lifetimeSec + 20) * 1000,
      what: 'a 503 once the token expired',
    });
    const outage = await fetch(`${stack.caller.url}/reports`);
    expect(await outage.json()).toMatchObject({ statusCode: 503, error: 'sso_unavailable' });

    await stack.sso.start();
    await eventually(async () => (await status(`${stack.caller.url}/reports`)) === 200, {
      timeoutMs: 10_000,
      what: 'recovery',
    });
  });
});
