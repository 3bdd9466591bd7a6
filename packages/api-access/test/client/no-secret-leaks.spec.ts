import { inspect } from 'node:util';
import axios from 'axios';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { startFakeTarget, type FakeTarget } from './support/fake-target.js';
import { manualClock } from './support/manual-clock.js';
import { unanswered } from './support/unanswered-http.js';
import { SECRET, clientFor } from './support/client-for.js';
import { withApiAccess, type TokenClientOptions } from '../../src/client/index.js';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.leaky-token-payload.signature';

/** Every way an error reaches a person: message, stack, JSON (loggers), inspect (console). */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, e.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })];
}

describe('errors never carry the secret or a token', () => {
  let endpoint: FakeTokenEndpoint;
  let target: FakeTarget;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    target = await startFakeTarget();
  });
  afterEach(async () => {
    await target.stop();
    await endpoint.stop();
  });

  const failWith = (options: Partial<TokenClientOptions> = {}) =>
    clientFor(endpoint, manualClock(), { retry: { maxAttempts: 1 }, ...options })
      .getToken('target-api')
      .catch((e: unknown) => e);

  const basic = { clientAuthentication: 'client_secret_basic' as const };
  const basicHeader = Buffer.from(`caller:${SECRET}`).toString('base64');

  it.each([
    [
      'ERR_TOKEN_REQUEST_OAUTH',
      () => endpoint.script({ status: 401, body: { error: 'invalid_client' } }),
      {},
    ],
    ['ERR_TOKEN_REQUEST_HTTP', () => endpoint.script({ status: 503, body: 'down' }), basic],
    [
      'ERR_TOKEN_REQUEST_INVALID_RESPONSE',
      () =>
        endpoint.script({
          status: 200,
          body: { access_token: TOKEN, expires_in: 'soon', token_type: 'Bearer' },
        }),
      {},
    ],
    ['ERR_TOKEN_REQUEST_TIMEOUT', () => {}, { timeoutMs: 30, http: unanswered().http }],
    ['ERR_TOKEN_REQUEST_NETWORK', () => endpoint.script('drop'), basic],
  ])('%s', async (code, script, options: Partial<TokenClientOptions>) => {
    script();
    const error = await failWith(options);
    expect(error).toMatchObject({ code });
    for (const text of renderings(error)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(basicHeader);
      expect(text).not.toContain(TOKEN);
    }
  });

  it.each([
    ['ERR_TARGET_FORBIDDEN', 403],
    ['ERR_TARGET_UNAUTHORIZED', 401],
    ['an AxiosError passed through', 500],
  ])('%s', async (_name, status) => {
    endpoint.script({
      status: 200,
      body: { access_token: TOKEN, expires_in: 1200, token_type: 'Bearer' },
    });
    target.answer(() => ({ status }));
    const http = withApiAccess(axios.create({ baseURL: target.url }), {
      client: clientFor(endpoint, manualClock()),
      audience: 'target-api',
    });
    const error = await http.get('/reports').catch((e: unknown) => e);
    expect(target.authorizations[0]).toBe(`Bearer ${TOKEN}`);
    for (const text of renderings(error)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(TOKEN);
    }
  });

  it('a successful response, once done', async () => {
    endpoint.script({
      status: 200,
      body: { access_token: TOKEN, expires_in: 1200, token_type: 'Bearer' },
    });
    const http = withApiAccess(axios.create({ baseURL: target.url }), {
      client: clientFor(endpoint, manualClock()),
      audience: 'target-api',
    });
    const response = await http.get('/reports');
    expect(target.authorizations[0]).toBe(`Bearer ${TOKEN}`);
    // The fake target echoes the token in its body: look at everything else.
    expect(inspect({ ...response, data: undefined }, { depth: 10 })).not.toContain(TOKEN);
    expect(response.config.headers.Authorization).toBe('Bearer [redacted]');
  });
});
