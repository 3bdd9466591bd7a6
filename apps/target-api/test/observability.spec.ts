import { captureLogs, type CapturedLogs, type LogLine } from '@cern-sso/observability/testing';
import { startTargetApi, type RunningTargetApi } from './helpers.js';

const logs: CapturedLogs = captureLogs();
let api: RunningTargetApi;
beforeAll(async () => (api = await startTargetApi({ logs })));
afterAll(() => api.close());

/** Every token the tests send, to look for in the logs afterwards. */
const sent: string[] = [];

async function call(method: string, path: string, authorization?: string) {
  if (authorization !== undefined) sent.push(authorization);
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers: authorization === undefined ? {} : { authorization },
  });
  return { status: response.status, requestId: response.headers.get('x-request-id') };
}

const decisionOf = (requestId: string | null): Promise<LogLine> =>
  logs.waitFor((line) => line.context === 'AccessDecision' && line.reqId === requestId);

// Every refusal kind the guard has, and a success: one decision line each.
describe.each([
  ['no token', () => undefined, 401, 'unauthenticated', 'ERR_TOKEN_MISSING'],
  [
    'a malformed header',
    () => 'Bearer two words',
    400,
    'unauthenticated',
    'ERR_AUTHORIZATION_HEADER_MALFORMED',
  ],
  [
    'a token for another API',
    () => `Bearer ${api.tokenWith(['reader'], { aud: 'other-api' })}`,
    401,
    'unauthenticated',
    'ERR_TOKEN_AUDIENCE_INVALID',
  ],
  [
    'an expired token',
    () => `Bearer ${api.tokenWith(['reader'], { exp: 1_000_000_000 })}`,
    401,
    'unauthenticated',
    'ERR_TOKEN_EXPIRED',
  ],
  [
    'a token without the role',
    () => `Bearer ${api.tokenWith(['auditor'])}`,
    403,
    'forbidden',
    'ERR_ROLE_MISSING',
  ],
  ['a reader', () => `Bearer ${api.tokenWith(['reader'])}`, 200, 'allowed', null],
])('GET /reports with %s', (_name, authorization, status, outcome, code) => {
  it(`answers ${status} and logs one decision line: outcome ${outcome}, code ${code}`, async () => {
    const response = await call('GET', '/reports', authorization());
    expect(response.status).toBe(status);
    expect(await decisionOf(response.requestId)).toMatchObject({
      level: 30,
      method: 'GET',
      route: '/reports',
      outcome,
      code,
      caller: outcome === 'unauthenticated' ? null : 'caller',
      requiredRoles: ['reader', 'writer', 'admin'],
    });
  });
});

it('names the route by its template, not by the path as sent', async () => {
  const response = await call('DELETE', '/reports/12345', `Bearer ${api.tokenWith(['reader'])}`);
  expect(response.status).toBe(403);
  expect(await decisionOf(response.requestId)).toMatchObject({
    route: '/reports/:id',
    requiredRoles: ['admin'],
  });
});

it('answers 503 when no signing key can be had, and logs it as unavailable', async () => {
  await api.sso.setMode('down');
  try {
    const token = api.sso.issuer.mintToken({ roles: ['reader'], kid: 'a-kid-nobody-published' });
    const response = await call('GET', '/reports', `Bearer ${token}`);
    expect(response.status).toBe(503);
    expect(await decisionOf(response.requestId)).toMatchObject({
      outcome: 'unavailable',
      code: 'ERR_KEYS_UNAVAILABLE',
    });
  } finally {
    await api.sso.setMode('up');
  }
});

it('counts the decisions at /metrics by outcome, code, route and caller', async () => {
  const text = await (await fetch(`${api.url}/metrics`)).text();
  expect(text).toContain(
    'api_access_guard_decisions_total{outcome="forbidden",code="ERR_ROLE_MISSING",method="GET",route="/reports",caller="caller"} 1',
  );
  expect(text).toContain(
    'api_access_guard_decisions_total{outcome="unauthenticated",code="ERR_TOKEN_MISSING",method="GET",route="/reports",caller="unknown"} 1',
  );
  expect(text).toMatch(/^api_access_guard_verification_seconds_count\{cache="miss"\} [1-9]/m);
});

// Last: every line logged by all the tests above.
it('never logs a token, a bearer header, a secret or private key material', () => {
  const text = logs.text();
  expect(sent.length).toBeGreaterThan(5);
  for (const authorization of sent) {
    expect(text).not.toContain(authorization.replace(/^Bearer /, ''));
  }
  expect(text).not.toMatch(/eyJ[\w-]+\.eyJ/); // any JWT
  expect(text).not.toMatch(/bearer\s/i);
  expect(text).not.toMatch(/"authorization":/i); // no header logged
  expect(text).not.toMatch(/PRIVATE KEY|"d":"/);
});
