import { startCallerStack, type CallerStack } from './helpers.js';

// The caller holds a `writer` token: a request that reaches POST /reports or POST /demo writes
// to target-api as the caller. A page on another site must not be able to make one (CSRF).
let stack: CallerStack;

beforeAll(async () => {
  stack = await startCallerStack();
  stack.target.respond = (_request, response) =>
    response.writeHead(201, { 'content-type': 'application/json' }).end('{"id":7}');
});
afterAll(() => stack.close());
beforeEach(() => (stack.target.requests.length = 0));

async function send(method: string, path: string, headers: Record<string, string>, body?: string) {
  const response = await fetch(`${stack.caller.url}${path}`, { method, headers, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const writes = () => stack.target.requests.filter((request) => request.method !== 'GET');

describe('no GET changes state', () => {
  it('GET /demo runs nothing and says to POST', async () => {
    const response = await fetch(`${stack.caller.url}/demo`);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(await response.json()).toMatchObject({
      statusCode: 405,
      error: 'method_not_allowed',
      reason: expect.stringContaining('POST /demo'),
    });
    expect(stack.target.requests).toEqual([]);
  });
});

describe('state-changing routes accept JSON only', () => {
  it.each([
    ['a form', 'application/x-www-form-urlencoded', 'title=x'],
    ['a multipart form', 'multipart/form-data; boundary=b', '--b--\r\n'],
    ['text/plain (what a form with enctype=text/plain sends)', 'text/plain', '{"title":"x"}'],
  ])('refuses %s with 415 naming the type, and writes nothing', async (_case, type, body) => {
    const response = await send('POST', '/reports', { 'content-type': type }, body);
    expect(response).toEqual({
      status: 415,
      body: expect.objectContaining({
        statusCode: 415,
        message: `Content-Type must be application/json, got ${JSON.stringify(type)}`,
      }),
    });
    expect(writes()).toEqual([]);
  });

  it('refuses an empty form posted to /demo (a form with no fields)', async () => {
    const response = await send('POST', '/demo', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
    expect(writes()).toEqual([]);
  });

  it('accepts JSON, and a bare POST /demo with no body (curl -X POST)', async () => {
    const created = await send(
      'POST',
      '/reports',
      { 'content-type': 'application/json' },
      '{"title":"x"}',
    );
    expect(created).toEqual({ status: 201, body: { id: 7 } });
    const demo = await fetch(`${stack.caller.url}/demo`, { method: 'POST' });
    expect(demo.status).toBe(200);
  });
});

describe('requests from another site are refused', () => {
  const json = { 'content-type': 'application/json' };

  it.each([
    ['Origin of another site', { origin: 'https://attacker.example' }],
    ['Origin of another port of this host', { origin: 'http://127.0.0.1:1' }],
    ['Origin null (a sandboxed frame, a redirect)', { origin: 'null' }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site' }],
  ])('refuses POST /reports with %s: 403 with a clear body', async (_case, headers) => {
    const response = await send('POST', '/reports', { ...json, ...headers }, '{"title":"x"}');
    expect(response.status).toBe(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'cross_site_request',
      reason: expect.stringMatching(/^POST \/reports came from another site \(.+\)/),
    });
    expect(writes()).toEqual([]);
  });

  it('refuses a cross-site form post to /demo with 403 before it reads the form', async () => {
    const response = await send('POST', '/demo', {
      'content-type': 'application/x-www-form-urlencoded',
      origin: 'https://attacker.example',
      'sec-fetch-site': 'cross-site',
    });
    expect(response.status).toBe(403);
    expect(response.body.reason).toContain('Sec-Fetch-Site: cross-site');
    expect(stack.target.requests).toEqual([]);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin', () => ({ 'sec-fetch-site': 'same-origin' })],
    ['Sec-Fetch-Site: none (typed by the user)', () => ({ 'sec-fetch-site': 'none' })],
    ['its own Origin', () => ({ origin: stack.caller.url })],
    ['neither header (not a browser: curl, a script)', () => ({})],
  ])('accepts a POST with %s', async (_case, headers) => {
    const response = await send('POST', '/reports', { ...json, ...headers() }, '{"title":"x"}');
    expect(response.status).toBe(201);
  });

  it('lets reads through whatever their origin', async () => {
    stack.target.respond = (_request, response) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    const response = await send('GET', '/reports', { origin: 'https://attacker.example' });
    expect(response.status).toBe(200);
  });
});
