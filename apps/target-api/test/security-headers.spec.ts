import { startTargetApi, type RunningTargetApi } from './helpers.js';

let api: RunningTargetApi;
beforeAll(async () => (api = await startTargetApi()));
afterAll(() => api.close());

// Every answer, refusals included: a page, a JSON answer, a 401, a 404 and a refused body.
describe.each([
  ['GET', '/docs'],
  ['GET', '/health'],
  ['GET', '/reports'],
  ['GET', '/no-such-route'],
  ['POST', '/reports'],
])('%s %s', (method, path) => {
  let headers: Headers;
  beforeAll(async () => {
    const response = await fetch(`${api.url}${path}`, {
      method,
      ...(method === 'POST' ? { headers: { 'content-type': 'text/plain' }, body: 'x' } : {}),
    });
    await response.arrayBuffer();
    headers = response.headers;
  });

  it('does not say what it runs on', () => expect(headers.get('x-powered-by')).toBeNull());

  it('carries helmet headers and a CSP that forbids framing', () => {
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('content-security-policy')).toContain("script-src 'self'");
  });
});
