import { type INestApplication } from '@nestjs/common';
import { startFakeTarget, type FakeTarget } from '@cern-sso/testing-support';
import { startCaller } from './helpers.js';

// Bad input gets a 4xx naming the limit before anything is sent on (issue 14, F4 and F6). The
// SSO is never reached here: every request below is refused or needs no token.
let target: FakeTarget;
let caller: { app: INestApplication; url: string };

beforeAll(async () => {
  target = await startFakeTarget();
  caller = await startCaller({
    SSO_TOKEN_ENDPOINT: 'http://127.0.0.1:1/auth/realms/cern/api-access/token',
    TARGET_API_URL: target.url,
  });
});
afterAll(async () => {
  await caller.app.close();
  await target.stop();
});

async function post(body: string) {
  const response = await fetch(`${caller.url}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, body: await response.json() };
}

describe('JSON bodies', () => {
  it.each([33, 2000, 20_000])(
    'refuses JSON nested %i levels deep with 400 naming the limit',
    async (depth) => {
      expect(await post(`{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`)).toEqual({
        status: 400,
        body: {
          statusCode: 400,
          message: 'JSON nests deeper than 32 levels, the limit for a request body',
        },
      });
      expect(target.requests).toEqual([]);
    },
  );

  it('refuses a body over 64 KiB with 413 naming the limit', async () => {
    expect(await post(JSON.stringify({ title: 'x'.repeat(70_000) }))).toEqual({
      status: 413,
      body: { statusCode: 413, message: 'request body is larger than 65536 bytes, the limit' },
    });
    expect(target.requests).toEqual([]);
  });
});

describe('security headers', () => {
  it.each([
    ['GET', '/health'],
    ['GET', '/demo'],
    ['GET', '/no-such-route'],
    ['POST', '/reports'],
  ])('%s %s: no X-Powered-By, helmet headers, no framing', async (method, path) => {
    const response = await fetch(`${caller.url}${path}`, {
      method,
      headers: { origin: 'https://attacker.example' },
    });
    await response.arrayBuffer();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
  });
});
