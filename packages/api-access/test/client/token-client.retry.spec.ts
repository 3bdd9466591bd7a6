import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { manualClock, type ManualClock } from '@cern-sso/testing-support';
import { clientFor } from './support/client-for.js';
import { TokenClient, type TokenHttpRequest } from '../../src/client/index.js';
import { fakeJwt } from './support/fake-jwt.js';
import { hangingHttp } from './support/hanging-http.js';

describe('TokenClient retries', () => {
  let endpoint: FakeTokenEndpoint;
  let clock: ManualClock;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    clock = manualClock();
  });
  afterEach(() => endpoint.stop());

  it('retries 500s with exponential backoff and full jitter, then succeeds', async () => {
    endpoint.script(
      { status: 500, body: 'oops' },
      { status: 502, body: { error: 'unknown_error' } },
      { status: 503 },
    );
    const client = clientFor(endpoint, clock, { retry: { maxAttempts: 4, baseDelayMs: 200 } });
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    expect(endpoint.requests).toHaveLength(4);
    // random() = 0.5 of the ceiling: 200, 400, 800 ms.
    expect(clock.sleeps).toEqual([100, 200, 400]);
  });

  it('caps one delay at maxDelayMs', async () => {
    endpoint.script(...Array.from({ length: 5 }, () => ({ status: 503 })));
    const client = clientFor(endpoint, clock, {
      random: () => 0.999,
      retry: { maxAttempts: 6, baseDelayMs: 1000, maxDelayMs: 3000, maxTotalMs: 60_000 },
    });
    await client.getToken('target-api');
    expect(clock.sleeps.map((ms) => Math.ceil(ms / 100) * 100)).toEqual([
      1000, 2000, 3000, 3000, 3000,
    ]);
  });

  it.each([
    { form: 'seconds', header: () => '7', expected: 7000 },
    {
      form: 'HTTP date',
      header: (now: number) => new Date(now + 30_000).toUTCString(),
      expected: 30_000,
    },
  ])('honours Retry-After in $form on a 429', async ({ header, expected }) => {
    endpoint.script({
      status: 429,
      headers: { 'retry-after': header(clock.now()) },
      body: { error: 'slow_down' },
    });
    const client = clientFor(endpoint, clock, { retry: { maxTotalMs: 60_000 } });
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    expect(clock.sleeps).toEqual([expected]);
  });

  it('gives up when Retry-After would exceed maxTotalMs, with the 429 as the error', async () => {
    endpoint.script({ status: 429, headers: { 'retry-after': '120' } });
    const client = clientFor(endpoint, clock, { retry: { maxTotalMs: 15_000 } });
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_HTTP',
      status: 429,
      retryAfterMs: 120_000,
    });
    expect(endpoint.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('stops after maxAttempts and throws the last error', async () => {
    endpoint.script(...Array.from({ length: 3 }, () => ({ status: 503 })));
    const client = clientFor(endpoint, clock, { retry: { maxAttempts: 3 } });
    const error = await client.getToken('target-api').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_HTTP',
      status: 503,
      endpoint: endpoint.url,
      audience: 'target-api',
    });
    expect((error as Error).message).toBe(
      `Token request for audience "target-api" to ${endpoint.url} failed: HTTP 503 without an OAuth error body`,
    );
    expect(endpoint.requests).toHaveLength(3);
  });

  it('times out a request that gets no answer, and retries it', async () => {
    const http = hangingHttp(2);
    const client = clientFor(endpoint, clock, { http, timeoutMs: 20 });
    expect(await client.getToken('target-api')).toBe(fakeJwt('answered'));
    expect(http.requests).toHaveLength(3);
  });

  it('reports ERR_TOKEN_REQUEST_TIMEOUT when every attempt times out', async () => {
    const http = hangingHttp(Infinity);
    const client = clientFor(endpoint, clock, { http, timeoutMs: 20, retry: { maxAttempts: 2 } });
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_TIMEOUT',
      timeoutMs: 20,
    });
    expect(http.requests).toHaveLength(2);
  });

  it('retries a dropped connection as a network error', async () => {
    endpoint.script('drop');
    const client = clientFor(endpoint, clock);
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    expect(endpoint.requests).toHaveLength(2);
  });

  it('reports ERR_TOKEN_REQUEST_NETWORK with the socket error as cause when nothing listens', async () => {
    await endpoint.stop();
    const client = clientFor(endpoint, clock, { retry: { maxAttempts: 2 } });
    const error = await client.getToken('target-api').catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_NETWORK',
      cause: { code: 'ECONNREFUSED' },
    });
    expect(clock.sleeps).toHaveLength(1);
  });

  it('does not retry malformed JSON on a 200', async () => {
    endpoint.script({ status: 200, body: '{"access_token": "abc", ' });
    const client = clientFor(endpoint, clock);
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_INVALID_RESPONSE',
      field: 'body',
    });
    expect(endpoint.requests).toHaveLength(1);
  });

  it.each([
    {
      status: 401,
      error: 'invalid_client',
      description: 'Invalid client or Invalid client credentials',
    },
    {
      status: 401,
      error: 'unauthorized_client',
      description: 'Client not enabled to retrieve service account',
    },
    { status: 400, error: 'invalid_request', description: 'Missing audience' },
    { status: 400, error: 'invalid_target', description: 'Unknown audience' },
    { status: 404, error: 'not_found', description: undefined },
  ])('never retries $status $error', async ({ status, error, description }) => {
    endpoint.script({ status, body: { error, error_description: description } });
    const client = clientFor(endpoint, clock);
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
      status,
      oauthError: error,
      description,
    });
    expect(endpoint.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('takes a plain function as the HTTP seam and sends it the documented form', async () => {
    const seen: string[] = [];
    const token = fakeJwt('t');
    const client = new TokenClient({
      tokenEndpoint: 'https://sso.example/token',
      clientId: 'caller',
      clientSecret: 'x',
      http: async (request: TokenHttpRequest) => {
        seen.push(request.body);
        return {
          status: 200,
          headers: {},
          body: JSON.stringify({ access_token: token, expires_in: 60, token_type: 'BEARER' }),
        };
      },
    });
    expect(await client.getToken('target-api')).toBe(token);
    expect(seen).toEqual([
      'grant_type=client_credentials&audience=target-api&client_id=caller&client_secret=x',
    ]);
  });
});
