import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { eventually, gate, manualClock, type ManualClock } from '@cern-sso/testing-support';
import { clientFor } from './support/client-for.js';
import type { ApiAccessError } from '../../src/client/index.js';
import { fakeJwt } from './support/fake-jwt.js';

describe('TokenClient cache', () => {
  let endpoint: FakeTokenEndpoint;
  let clock: ManualClock;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint(1200);
    clock = manualClock();
  });
  afterEach(() => endpoint.stop());

  it('fetches once and serves the cached token to later calls', async () => {
    const client = clientFor(endpoint, clock);
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    clock.advance(900_000);
    for (let i = 0; i < 10; i++)
      expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    expect(endpoint.requests).toHaveLength(1);
  });

  it('keeps one token per audience', async () => {
    const client = clientFor(endpoint, clock);
    const [a, b] = await Promise.all([client.getToken('api-a'), client.getToken('api-b')]);
    expect(new Set([a, b]).size).toBe(2);
    expect(endpoint.requests.map((r) => r.form.audience).sort()).toEqual(['api-a', 'api-b']);
    expect(await client.getToken('api-a')).toBe(a);
  });

  it('shares one request among 1,000 concurrent callers on a cold cache', async () => {
    const client = clientFor(endpoint, clock);
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, () => client.getToken('target-api')),
    );
    expect(new Set(tokens)).toEqual(new Set([endpoint.tokenNumber(1)]));
    expect(endpoint.requests).toHaveLength(1);
  });

  it('refreshes in the background after 80% of the lifetime, serving the old token meanwhile', async () => {
    const client = clientFor(endpoint, clock);
    const first = await client.getToken('target-api');
    clock.advance(959_000);
    expect(await client.getToken('target-api')).toBe(first);
    expect(endpoint.requests).toHaveLength(1);

    const slow = gate();
    endpoint.script({
      status: 200,
      body: { access_token: fakeJwt('refreshed'), expires_in: 1200, token_type: 'bearer' },
      hold: slow.wait,
    });
    clock.advance(1000); // 960 s: 80% of 1200 s
    const during = await Promise.all(
      Array.from({ length: 50 }, () => client.getToken('target-api')),
    );
    expect(new Set(during)).toEqual(new Set([first]));
    await eventually(() => endpoint.requests.length === 2);
    slow.open();
    await eventually(async () => (await client.getToken('target-api')) === fakeJwt('refreshed'));
    expect(endpoint.requests).toHaveLength(2);
  });

  it.each([
    { rule: 'lifetime fraction first', expiresIn: 1200, refresh: {}, refreshAfterS: 960 },
    { rule: 'minimum remaining first', expiresIn: 200, refresh: {}, refreshAfterS: 140 },
    {
      rule: 'configured fraction',
      expiresIn: 1000,
      refresh: { lifetimeFraction: 0.5 },
      refreshAfterS: 500,
    },
    {
      rule: 'configured remaining',
      expiresIn: 1000,
      refresh: { minRemainingMs: 600_000 },
      refreshAfterS: 400,
    },
  ])(
    'schedules the refresh by $rule (at $refreshAfterS s)',
    async ({ expiresIn, refresh, refreshAfterS }) => {
      endpoint.script({
        status: 200,
        body: { access_token: fakeJwt('first'), expires_in: expiresIn, token_type: 'Bearer' },
      });
      const client = clientFor(endpoint, clock, { refresh });
      await client.getToken('target-api');
      clock.advance(refreshAfterS * 1000 - 1);
      await client.getToken('target-api');
      expect(endpoint.requests).toHaveLength(1);
      clock.advance(1);
      expect(await client.getToken('target-api')).toBe(fakeJwt('first'));
      await eventually(() => endpoint.requests.length === 2);
    },
  );

  it('keeps serving the old token when a refresh fails, and tries again later', async () => {
    const failures: ApiAccessError[] = [];
    const client = clientFor(endpoint, clock, {
      retry: { maxAttempts: 1 },
      onRefreshError: (error) => failures.push(error),
    });
    const first = await client.getToken('target-api');
    endpoint.script({
      status: 400,
      body: { error: 'invalid_request', error_description: 'scripted failure' },
    });
    clock.advance(960_000);
    expect(await client.getToken('target-api')).toBe(first);
    await eventually(() => failures.length === 1);
    expect(failures[0]).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
      oauthError: 'invalid_request',
    });

    clock.advance(9_999); // refresh.retryDelayMs defaults to 10 s
    expect(await client.getToken('target-api')).toBe(first);
    expect(endpoint.requests).toHaveLength(2);
    clock.advance(1);
    expect(await client.getToken('target-api')).toBe(first);
    await eventually(async () => (await client.getToken('target-api')) === endpoint.tokenNumber(2));
    expect(endpoint.requests).toHaveLength(3);
  });

  it('makes a caller wait once the token has expired, and never caches a failure', async () => {
    const client = clientFor(endpoint, clock, { retry: { maxAttempts: 1 } });
    await client.getToken('target-api');
    clock.advance(1_200_000);
    endpoint.script({ status: 401, body: { error: 'invalid_client' } });
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
      status: 401,
    });
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(2));
    expect(endpoint.requests).toHaveLength(3);
  });

  it('invalidate(audience) drops the token; invalidate(audience, token) only if it is still cached', async () => {
    const client = clientFor(endpoint, clock);
    const first = await client.getToken('target-api');
    client.invalidate('target-api');
    const second = await client.getToken('target-api');
    expect(second).not.toBe(first);
    client.invalidate('target-api', first);
    expect(await client.getToken('target-api')).toBe(second);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('rejects a missing audience as a usage error', async () => {
    const client = clientFor(endpoint, clock);
    await expect(client.getToken('')).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
      problems: [expect.stringMatching(/^audience: /)],
    });
    expect(endpoint.requests).toHaveLength(0);
  });
});
