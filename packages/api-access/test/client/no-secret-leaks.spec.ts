import { inspect } from 'node:util';
import axios from 'axios';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import {
  answerJson,
  type FakeTarget,
  manualClock,
  startFakeTarget,
} from '@cern-sso/testing-support';
import { SECRET, clientFor } from './support/client-for.js';
import { withApiAccess, type TokenClientOptions } from '../../src/client/index.js';
import { fakeJwt } from './support/fake-jwt.js';
import { hangingHttp } from './support/hanging-http.js';

const TOKEN = fakeJwt('leaky-token');

/** Every way an error reaches a person: message, stack, JSON (loggers), inspect (console). */
function renderings(error: unknown): string[] {
  const e = error as Error;
  return [e.message, e.stack ?? '', JSON.stringify(error), inspect(error, { depth: 10 })];
}

describe('errors never carry the secret or a token', () => {
  let endpoint: FakeTokenEndpoint;
  let target: FakeTarget;
  const authorizations = () => target.requests.map((request) => request.authorization);

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
    ['ERR_TOKEN_REQUEST_TIMEOUT', () => {}, { http: hangingHttp(1), timeoutMs: 20 }],
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
    ['a JWT for another audience', fakeJwt('leaky-token', 'account')],
    ['an opaque token', 'opaque-leaky-token-2YotnFZFEjr1zCsicMWpAA'],
  ])('ERR_TOKEN_REQUEST_WRONG_AUDIENCE, for %s', async (_case, accessToken) => {
    endpoint.script({
      status: 200,
      body: { access_token: accessToken, expires_in: 1200, token_type: 'Bearer' },
    });
    const error = await failWith();
    expect(error).toMatchObject({ code: 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE' });
    for (const text of renderings(error)) {
      expect(text).not.toContain(SECRET);
      expect(text).not.toContain(accessToken);
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
    target.respond = answerJson(() => ({ status }));
    const http = withApiAccess(axios.create({ baseURL: target.url }), {
      client: clientFor(endpoint, manualClock()),
      audience: 'target-api',
    });
    const error = await http.get('/reports').catch((e: unknown) => e);
    expect(authorizations()[0]).toBe(`Bearer ${TOKEN}`);
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
    expect(authorizations()[0]).toBe(`Bearer ${TOKEN}`);
    // The fake target echoes the token in its body: look at everything else.
    expect(inspect({ ...response, data: undefined }, { depth: 10 })).not.toContain(TOKEN);
    expect(response.config.headers.Authorization).toBe('Bearer [redacted]');
  });
});
