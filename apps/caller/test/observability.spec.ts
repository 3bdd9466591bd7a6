import { type RunningEmulator } from '@cern-sso/sso-emulator';
import { captureLogs } from '@cern-sso/observability/testing';
import { startFakeTarget, type FakeTarget } from '@cern-sso/testing-support';
import { startCaller, startTestEmulator } from './helpers.js';

let sso: RunningEmulator;
let target: FakeTarget;
let caller: Awaited<ReturnType<typeof startCaller>>;
const logs = captureLogs();

beforeAll(async () => {
  sso = await startTestEmulator();
  target = await startFakeTarget();
  caller = await startCaller(
    {
      SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
      TARGET_API_URL: target.url,
    },
    logs,
  );
});
afterAll(async () => {
  await caller.app.close();
  await target.stop();
  await sso.close();
});

it('logs each token request (audience, outcome, duration, not from the cache) and counts cache hits', async () => {
  // The start-up credentials check asks for the first token; later calls find it in the cache.
  for (let i = 0; i < 2; i++) expect((await fetch(`${caller.url}/reports`)).status).toBe(200);
  const request = await logs.waitFor((line) => line.context === 'TokenClient');
  expect(request).toMatchObject({
    level: 30,
    audience: 'target-api',
    outcome: 'ok',
    fromCache: false,
    background: false,
    durationMs: expect.any(Number),
  });
  const metrics = await (await fetch(`${caller.url}/metrics`)).text();
  expect(metrics).toMatch(
    /^api_access_token_requests_total\{audience="target-api",result="ok"\} 1$/m,
  );
  expect(metrics).toMatch(/^api_access_token_cache_hits_total\{audience="target-api"\} [1-9]/m);
  expect(metrics).toMatch(/^api_access_token_expiry_seconds\{audience="target-api"\} \d+/m);
});

it('never logs the token it sent or its client secret', () => {
  const sent = target.requests.map((request) => request.authorization?.replace(/^Bearer /, ''));
  expect(sent.length).toBeGreaterThan(0);
  for (const token of sent) expect(logs.text()).not.toContain(token);
  expect(logs.text()).not.toContain('caller-secret');
  expect(logs.text()).not.toMatch(/eyJ[\w-]+\.eyJ/);
});
