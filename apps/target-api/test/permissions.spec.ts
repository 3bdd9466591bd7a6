import { startTargetApi, type RunningTargetApi } from './helpers.js';

let api: RunningTargetApi;
beforeAll(async () => (api = await startTargetApi()));
afterAll(() => api.close());

async function call(method: string, path: string, roles: string[] | null, body?: unknown) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (roles !== null) headers.authorization = `Bearer ${api.tokenWith(roles)}`;
  const response = await fetch(`${api.url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function newReport(): Promise<number> {
  const { text } = await call('POST', '/reports', ['writer'], { title: 'to delete' });
  return (JSON.parse(text) as { id: number }).id;
}

// The role rules of target-api, read as the spec: roles held -> status per route.
describe.each([
  // roles                    whoami list create delete audit
  [[], /*                 */ 200, 403, 403, 403, 403],
  [['reader'], /*         */ 200, 200, 403, 403, 403],
  [['writer'], /*         */ 200, 200, 201, 403, 403],
  [['admin'], /*          */ 200, 200, 403, 204, 403],
  [['auditor'], /*        */ 200, 403, 403, 403, 403],
  [['reader', 'auditor'], 200, 200, 403, 403, 200],
  [['unrelated'], /*      */ 200, 403, 403, 403, 403],
])('a caller holding %j', (roles, whoami, list, create, remove, audit) => {
  it(`GET /whoami -> ${whoami}`, async () =>
    expect((await call('GET', '/whoami', roles)).status).toBe(whoami));
  it(`GET /reports -> ${list}`, async () =>
    expect((await call('GET', '/reports', roles)).status).toBe(list));
  it(`POST /reports -> ${create}`, async () =>
    expect((await call('POST', '/reports', roles, { title: 'T' })).status).toBe(create));
  it(`DELETE /reports/:id -> ${remove}`, async () =>
    expect((await call('DELETE', `/reports/${await newReport()}`, roles)).status).toBe(remove));
  it(`GET /reports/audit -> ${audit}`, async () =>
    expect((await call('GET', '/reports/audit', roles)).status).toBe(audit));
});

describe('refusals', () => {
  it('asks for a token with the realm and no error code when none is sent', async () => {
    const response = await call('GET', '/reports', null);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="target-api"');
  });

  it('names the roles a route needs', async () => {
    const response = await call('GET', '/reports/audit', ['reader']);
    expect(response.status).toBe(403);
    expect(response.headers.get('www-authenticate')).toContain('error="insufficient_scope"');
    expect(JSON.parse(response.text)).toMatchObject({
      error: 'insufficient_scope',
      error_description: 'requires all of the roles: reader, auditor',
    });
  });
});

describe('reports', () => {
  it('records who created a report and audits it', async () => {
    const created = await call('POST', '/reports', ['writer'], { title: 'Figures', body: 'Up.' });
    const report = JSON.parse(created.text) as { id: number; createdBy: string };
    expect(report).toMatchObject({ title: 'Figures', body: 'Up.', createdBy: 'caller' });
    const trail = JSON.parse(
      (await call('GET', '/reports/audit', ['reader', 'auditor'])).text,
    ) as unknown[];
    expect(trail).toContainEqual(
      expect.objectContaining({ action: 'report.created', reportId: report.id, by: 'caller' }),
    );
  });

  it.each([
    ['a missing title', {}, 'title must be a string'],
    ['an empty title', { title: '' }, 'title must be longer than or equal to 1'],
    ['a numeric body', { title: 'x', body: 5 }, 'body must be a string'],
    ['an unknown field', { title: 'x', owner: 'me' }, 'property owner should not exist'],
  ])('refuses %s with 400 naming the field', async (_case, body, message) => {
    const response = await call('POST', '/reports', ['writer'], body);
    expect(response.status).toBe(400);
    expect(JSON.parse(response.text).message).toContainEqual(expect.stringContaining(message));
  });

  it('answers 404 for an unknown report and 400 for a non-numeric id', async () => {
    expect((await call('DELETE', '/reports/999999', ['admin'])).status).toBe(404);
    expect((await call('DELETE', '/reports/abc', ['admin'])).status).toBe(400);
  });
});

describe('GET /whoami', () => {
  it('returns the verified principal', async () => {
    const response = await call('GET', '/whoami', ['reader']);
    expect(JSON.parse(response.text)).toEqual({
      clientId: 'caller',
      subject: 'service-account-caller',
      audience: ['target-api'],
      roles: ['reader'],
      tokenId: expect.any(String),
      isApplication: true,
      expiresAt: expect.any(Number),
    });
  });
});
