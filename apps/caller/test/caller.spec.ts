import { captureLogs } from '@cern-sso/observability/testing';
import { decodeJwt } from 'jose';
import { type INestApplication } from '@nestjs/common';
import { type RunningEmulator } from '@cern-sso/sso-emulator';
import { readCallerEnv } from '../src/config/env.schema.js';
import { SCENARIO_ROUTES, type CallOutcome } from '@cern-sso/demo-scenario';
import { CredentialsCheck } from '../src/health/credentials-check.js';
import { startFakeTarget, type FakeTarget } from '@cern-sso/testing-support';
import { startCaller, startTestEmulator } from './helpers.js';

let sso: RunningEmulator;
let target: FakeTarget;
let caller: { app: INestApplication; url: string };

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  ((_request, response) =>
    response
      .writeHead(status, { 'content-type': 'application/json', ...headers })
      .end(JSON.stringify(body))) as FakeTarget['respond'];

beforeAll(async () => {
  sso = await startTestEmulator();
  target = await startFakeTarget();
  caller = await startCaller({
    SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
    TARGET_API_URL: target.url,
  });
});
afterAll(async () => {
  await caller.app.close();
  await target.stop();
  await sso.close();
});
beforeEach(() => {
  target.requests.length = 0;
  target.respond = json(200, [{ id: 1, title: 'Welcome' }]);
});

async function get(path: string) {
  const response = await fetch(`${caller.url}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('calling target-api', () => {
  it('sends an API Access token for target-api as the caller, and reuses it', async () => {
    expect(await get('/reports')).toEqual({ status: 200, body: [{ id: 1, title: 'Welcome' }] });
    await get('/reports');
    const [first, second] = target.requests;
    const claims = decodeJwt(first!.authorization!.replace(/^Bearer /, ''));
    expect(claims).toMatchObject({
      aud: 'target-api',
      azp: 'caller',
      cern_roles: ['reader', 'writer'],
    });
    expect(second!.authorization).toBe(first!.authorization);
  });

  it.each([
    [
      'the target refuses the role',
      json(
        403,
        { error: 'insufficient_scope', error_description: 'requires any of the roles: admin' },
        {
          'www-authenticate':
            'Bearer realm="target-api", error="insufficient_scope", error_description="requires any of the roles: admin"',
        },
      ),
      403,
      'target_forbidden',
    ],
    ['the target fails', json(500, { message: 'boom' }), 502, 'target_error'],
    [
      'the target keeps rejecting the token',
      json(401, {}, { 'www-authenticate': 'Bearer realm="target-api", error="invalid_token"' }),
      502,
      'target_rejected_token',
    ],
  ])('answers clearly when %s', async (_case, respond, status, error) => {
    target.respond = respond;
    const response = await get('/reports');
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ statusCode: status, error, reason: expect.any(String) });
    expect(JSON.stringify(response.body)).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
  });

  it('answers 504 when the target hangs', async () => {
    // A short timeout on a caller of its own: with a target that never answers, the timeout is
    // the only possible outcome, so it races nothing. The shared caller keeps the 5 s default,
    // which a busy machine never reaches on loopback.
    const impatient = await startCaller({
      SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
      TARGET_API_URL: target.url,
      TARGET_API_TIMEOUT_MS: '50',
    });
    try {
      target.respond = () => undefined;
      const response = await fetch(`${impatient.url}/reports`);
      expect(response.status).toBe(504);
      expect(await response.json()).toMatchObject({ statusCode: 504, error: 'target_timeout' });
    } finally {
      await impatient.app.close();
    }
  });

  it('retries once with a fresh token when the target answers 401', async () => {
    let calls = 0;
    target.respond = (request, response) =>
      ++calls === 1 ? json(401, {})(request, response) : json(200, [])(request, response);
    expect((await get('/reports')).status).toBe(200);
    expect(target.requests).toHaveLength(2);
  });
});

describe('POST /demo', () => {
  it('reports each call of the scenario with the status and reason the target gave', async () => {
    target.respond = (request, response) =>
      request.url === '/reports/audit'
        ? json(
            403,
            {},
            {
              'www-authenticate':
                'Bearer realm="target-api", error="insufficient_scope", error_description="requires all of the roles: reader, auditor"',
            },
          )(request, response)
        : json(request.method === 'POST' ? 201 : 200, { id: 7 })(request, response);
    const response = await fetch(`${caller.url}/demo`, { method: 'POST' });
    const { status } = response;
    const body = (await response.json()) as Record<string, unknown>;
    expect(status).toBe(200);
    expect(body.identity).toBe('caller');
    expect(body.calls).toEqual([
      { route: 'GET /whoami', status: 200, reason: 'allowed' },
      { route: 'GET /reports', status: 200, reason: 'allowed' },
      { route: 'POST /reports', status: 201, reason: 'allowed' },
      { route: 'DELETE /reports/:id', status: 200, reason: 'allowed' },
      {
        route: 'GET /reports/audit',
        status: 403,
        reason: 'requires all of the roles: reader, auditor',
      },
    ]);
    expect(target.requests.map((r) => `${r.method} ${r.url}`)).toContain('DELETE /reports/7');
  });
});

describe('when the SSO fails', () => {
  it('answers 503 when the SSO is unreachable', async () => {
    const offline = await startCaller({
      SSO_TOKEN_ENDPOINT: 'http://127.0.0.1:1/auth/realms/cern/api-access/token',
      TARGET_API_URL: target.url,
    });
    try {
      const response = await fetch(`${offline.url}/reports`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ error: 'sso_unavailable' });
      expect(target.requests).toHaveLength(0);
    } finally {
      await offline.app.close();
    }
  });

  it("warns once at start with the SSO's answer when the credentials are wrong", async () => {
    const logs = captureLogs();
    const misconfigured = await startCaller(
      {
        SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
        TARGET_API_URL: target.url,
        CALLER_CLIENT_SECRET: 'Wrong-Secret-123',
      },
      logs,
    );
    try {
      const problem = await misconfigured.app.get(CredentialsCheck).done;
      expect(problem).toContain('HTTP 401 invalid_client');
      expect(logs.warnings()).toEqual([
        `"caller" cannot get a token for "target-api", so every call to the target will fail: ${problem}`,
      ]);
      expect(logs.warnings().join('\n')).not.toContain('Wrong-Secret-123');
    } finally {
      await misconfigured.app.close();
    }
  });

  it('says nothing of an SSO answer that arrives after the app began to shut down', async () => {
    const slowSso = await startFakeTarget();
    let answer!: () => void;
    const asked = new Promise<void>((resolve) => {
      slowSso.respond = (_request, response) => {
        answer = () =>
          json(401, { error: 'invalid_client', error_description: 'Invalid client' })(
            _request,
            response,
          );
        resolve();
      };
    });
    const logs = captureLogs();
    const { app } = await startCaller(
      {
        SSO_TOKEN_ENDPOINT: `${slowSso.url}/auth/realms/cern/api-access/token`,
        TARGET_API_URL: target.url,
      },
      logs,
    );
    try {
      await asked;
      await app.close();
      answer();
      expect(await app.get(CredentialsCheck).done).toContain('HTTP 401 invalid_client');
      expect(logs.warnings()).toEqual([]);
    } finally {
      await slowSso.stop();
    }
  });

  it('logs no warning at start when the credentials work', async () => {
    const logs = captureLogs();
    const { app } = await startCaller(
      {
        SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
        TARGET_API_URL: target.url,
      },
      logs,
    );
    try {
      expect(await app.get(CredentialsCheck).done).toBeUndefined();
      expect(logs.warnings()).toEqual([]);
    } finally {
      await app.close();
    }
  });

  it('answers POST /demo with 502, listing every call and why, when no token can be obtained', async () => {
    const misconfigured = await startCaller({
      SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
      TARGET_API_URL: target.url,
      CALLER_CLIENT_SECRET: 'Wrong-Secret-123',
    });
    try {
      const response = await fetch(`${misconfigured.url}/demo`, { method: 'POST' });
      expect(response.status).toBe(502);
      const text = await response.text();
      expect(text).not.toContain('Wrong-Secret-123');
      const body = JSON.parse(text) as { error: string; calls: CallOutcome[] };
      expect(body.error).toBe('sso_refused');
      expect(body.calls.map((call) => call.route)).toEqual([...SCENARIO_ROUTES]);
      for (const call of body.calls) {
        expect(call.status).toBe(0);
        expect(call.reason).toMatch(/^ERR_TOKEN_REQUEST_OAUTH: .*HTTP 401 invalid_client/);
      }
      expect(target.requests).toHaveLength(0);
    } finally {
      await misconfigured.app.close();
    }
  });

  it('answers 502 when the SSO refuses the credentials, without the secret', async () => {
    const misconfigured = await startCaller({
      SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
      TARGET_API_URL: target.url,
      CALLER_CLIENT_SECRET: 'Wrong-Secret-123',
    });
    try {
      const response = await fetch(`${misconfigured.url}/reports`);
      expect(response.status).toBe(502);
      const body = await response.text();
      expect(JSON.parse(body)).toMatchObject({ error: 'sso_refused' });
      expect(body).toContain('invalid_client');
      expect(body).not.toContain('Wrong-Secret-123');
    } finally {
      await misconfigured.app.close();
    }
  });
});

describe('environment', () => {
  it('lists every bad variable and never a secret', () => {
    const attempt = () =>
      readCallerEnv({
        PORT: 'x',
        SSO_TOKEN_ENDPOINT: 'nope',
        TARGET_API_URL: 'ftp://t',
        CALLER_CLIENT_SECRET: '',
        TARGET_API_TIMEOUT_MS: '0',
      });
    expect(attempt).toThrow(
      /PORT[\s\S]*SSO_TOKEN_ENDPOINT[\s\S]*TARGET_API_URL[\s\S]*TARGET_API_TIMEOUT_MS/,
    );
  });
});
