import { Registry } from 'prom-client';
import { ApiAccessGuardMetrics } from '../../src/metrics/index.js';
import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { startGuardedApp, type GuardedApp } from '../server/support/guarded-app.js';

/** `api_access_guard_decisions_total` as { "outcome code method route caller": value }. */
async function decisions(registry: Registry): Promise<Record<string, number>> {
  const metric = await registry.getSingleMetric('api_access_guard_decisions_total')!.get();
  return Object.fromEntries(
    metric.values.map(({ labels, value }) => [
      [labels.outcome, labels.code, labels.method, labels.route, labels.caller].join(' '),
      value,
    ]),
  );
}

describe('ApiAccessGuardMetrics on a Nest app', () => {
  let idp: ServedTestIssuer;
  let app: GuardedApp;
  let registry: Registry;
  // One manual clock for the guard and the metrics: the refetch policy and the age read it.
  let now = Date.now();

  beforeAll(async () => {
    idp = await startTestIssuer();
    registry = new Registry();
    const observer = new ApiAccessGuardMetrics({ registry, maxCallers: 2, clock: () => now });
    const clock = () => now;
    app = await startGuardedApp({
      issuer: idp.issuer.issuer,
      clientId: 'target-api',
      observer,
      clock,
    });
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  const get = (path: string, token?: string) =>
    fetch(app.url + path, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it('counts each decision by outcome, code, route template and capped caller', async () => {
    const reader = (azp: string) => idp.issuer.mintToken({ roles: ['reader'], azp });
    expect((await get('/items')).status).toBe(401);
    expect((await get('/items/admin', reader('alpha'))).status).toBe(403);
    for (const azp of ['alpha', 'beta', 'gamma', 'delta']) {
      expect((await get('/items', reader(azp))).status).toBe(200);
    }
    expect((await get('/items/health')).status).toBe(200); // public: not a decision

    expect(await decisions(registry)).toEqual({
      'unauthenticated ERR_TOKEN_MISSING GET /items unknown': 1,
      'forbidden ERR_ROLE_MISSING GET /items/admin alpha': 1,
      'allowed none GET /items alpha': 1,
      'allowed none GET /items beta': 1,
      // Past maxCallers (2), client ids share one series.
      'allowed none GET /items other': 2,
    });
  });

  it('times verifications apart by cache hit and miss', async () => {
    const token = idp.issuer.mintToken({ roles: ['reader'] });
    await get('/items', token);
    await get('/items', token);
    const text = await registry.metrics();
    const count = (cache: string) =>
      Number(
        new RegExp(
          `^api_access_guard_verification_seconds_count\\{cache="${cache}"\\} (\\d+)$`,
          'm',
        ).exec(text)?.[1],
      );
    expect(count('hit')).toBeGreaterThanOrEqual(1);
    expect(count('miss')).toBeGreaterThanOrEqual(2);
  });

  it('reports JWKS fetches, the key set age and whether stale keys are served', async () => {
    const fetched = app.verifier.keySetState();
    if (fetched.status !== 'fresh') throw new Error(`key set ${fetched.status}`);
    now = fetched.fetchedAt + 42_000;
    const text = await registry.metrics();
    expect(text).toMatch(/^api_access_jwks_fetches_total\{result="ok"\} [1-9]/m);
    expect(text).toMatch(/^api_access_jwks_key_set_age_seconds 42$/m);
    expect(text).toMatch(/^api_access_jwks_stale 0$/m);

    await idp.setMode('failing');
    // Past the refetch interval on the manual clock: the refresh goes out at once.
    now += 10_000;
    expect((await app.verifier.refreshKeys()).status).toBe('stale');
    const after = await registry.metrics();
    expect(after).toMatch(/^api_access_jwks_fetches_total\{result="error"\} 1$/m);
    expect(after).toMatch(/^api_access_jwks_stale 1$/m);
    expect(after).toMatch(/^api_access_jwks_key_set_age_seconds 52$/m);
    await idp.setMode('up');
  });
});

describe('ApiAccessGuardMetrics options', () => {
  it('refuses a negative caller cap, naming the option', () => {
    expect(() => new ApiAccessGuardMetrics({ registry: new Registry(), maxCallers: -1 })).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTION',
        message: expect.stringContaining('maxCallers'),
      }),
    );
  });
});
