import axios from 'axios';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import {
  answerJson,
  type FakeTarget,
  manualClock,
  startFakeTarget,
} from '@cern-sso/testing-support';
import { clientFor } from './support/client-for.js';
import { TargetForbiddenError, withApiAccess, type TokenClient } from '../../src/client/index.js';

describe('withApiAccess (axios)', () => {
  let endpoint: FakeTokenEndpoint;
  let target: FakeTarget;
  const authorizations = () => target.requests.map((request) => request.authorization);
  let client: TokenClient;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    target = await startFakeTarget();
    client = clientFor(endpoint, manualClock());
  });
  afterEach(async () => {
    await target.stop();
    await endpoint.stop();
  });

  const http = () =>
    withApiAccess(axios.create({ baseURL: target.url }), { client, audience: 'target-api' });

  it('sends Authorization: Bearer with the token for the audience', async () => {
    const response = await http().get('/reports');
    expect(response.data).toEqual({ seenToken: endpoint.tokenNumber(1) });
    expect(authorizations()).toEqual([`Bearer ${endpoint.tokenNumber(1)}`]);
    expect(endpoint.requests[0]?.form.audience).toBe('target-api');
  });

  it('creates an instance when given none', async () => {
    const response = await withApiAccess(undefined, { client, audience: 'target-api' }).get(
      `${target.url}/x`,
    );
    expect(response.status).toBe(200);
  });

  it('retries once with a fresh token after a 401', async () => {
    target.respond = answerJson((token) =>
      token === endpoint.tokenNumber(1)
        ? { status: 401, body: { message: 'revoked' } }
        : { status: 200, body: { ok: token } },
    );
    const response = await http().get('/reports');
    expect(response.data).toEqual({ ok: endpoint.tokenNumber(2) });
    expect(authorizations()).toEqual([
      `Bearer ${endpoint.tokenNumber(1)}`,
      `Bearer ${endpoint.tokenNumber(2)}`,
    ]);
    expect(endpoint.requests).toHaveLength(2);
  });

  it('gives up after one retry with ERR_TARGET_UNAUTHORIZED', async () => {
    target.respond = answerJson(() => ({
      status: 401,
      headers: {
        'www-authenticate':
          'Bearer realm="target-api", error="invalid_token", error_description="wrong audience"',
      },
    }));
    await expect(http().get('/reports')).rejects.toMatchObject({
      code: 'ERR_TARGET_UNAUTHORIZED',
      status: 401,
      oauthError: 'invalid_token',
      description: 'wrong audience',
      url: `${target.url}/reports`,
      method: 'GET',
    });
    expect(authorizations()).toHaveLength(2);
  });

  it('does not retry a 403 and says which role is missing', async () => {
    target.respond = answerJson(() => ({
      status: 403,
      headers: {
        'www-authenticate':
          'Bearer realm="target-api", error="insufficient_scope", error_description="requires role \\"admin\\"", scope="admin"',
      },
      body: {
        statusCode: 403,
        code: 'ERR_ROLE_MISSING',
        message: 'requires role admin',
        requiredRoles: ['admin'],
      },
    }));
    const error = await http()
      .delete('/reports/7')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TargetForbiddenError);
    expect(error).toMatchObject({
      code: 'ERR_TARGET_FORBIDDEN',
      status: 403,
      oauthError: 'insufficient_scope',
      description: 'requires role "admin"',
      requiredRoles: ['admin'],
      targetCode: 'ERR_ROLE_MISSING',
      audience: 'target-api',
    });
    expect((error as Error).message).toBe(
      `DELETE ${target.url}/reports/7 requires role "admin" for audience "target-api" (HTTP 403 insufficient_scope: requires role "admin")`,
    );
    expect(authorizations()).toHaveLength(1);
    expect(endpoint.requests).toHaveLength(1);
  });

  it('reads the required roles from the body when the header has none', async () => {
    target.respond = answerJson(() => ({
      status: 403,
      body: { message: 'Forbidden resource', requiredRoles: ['writer', 'admin'] },
    }));
    await expect(http().post('/reports', {})).rejects.toMatchObject({
      code: 'ERR_TARGET_FORBIDDEN',
      oauthError: undefined,
      description: 'Forbidden resource',
      requiredRoles: ['writer', 'admin'],
    });
  });

  it('lets many requests rejected with one stale token share one new token', async () => {
    target.respond = answerJson((token) =>
      token === endpoint.tokenNumber(1) ? { status: 401 } : { status: 200 },
    );
    const instance = http();
    await client.getToken('target-api');
    await Promise.all(Array.from({ length: 20 }, () => instance.get('/reports')));
    expect(endpoint.requests).toHaveLength(2);
    expect(authorizations()).toHaveLength(40);
  });

  it('passes other errors through as AxiosError, with the token redacted from its config', async () => {
    target.respond = answerJson(() => ({ status: 500 }));
    const error = await http()
      .get('/reports')
      .catch((e: unknown) => e);
    expect(axios.isAxiosError(error)).toBe(true);
    expect(JSON.stringify(error)).not.toContain(endpoint.tokenNumber(1));
    expect(authorizations()).toHaveLength(1);
  });

  it('surfaces token errors without calling the target', async () => {
    endpoint.script({ status: 401, body: { error: 'invalid_client' } });
    await expect(http().get('/reports')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
      oauthError: 'invalid_client',
    });
    expect(authorizations()).toHaveLength(0);
  });
});
