import fc from 'fast-check';
import { startTargetApi, type RunningTargetApi } from './helpers.js';

// A sweep for 5xx on bad input (issue 14, F4): whatever a client sends, target-api answers with
// a 4xx (or a success), never a 5xx. Each property sends its cases through HTTP.
let api: RunningTargetApi;
beforeAll(async () => (api = await startTargetApi()));
afterAll(() => api.close());

const RUNS = { numRuns: 150 };

/** What fetch may put in a header value: visible ASCII and spaces. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
});
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function status(path: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(`${api.url}${path}`, init);
  await response.arrayBuffer();
  return response.status;
}

const writer = () => ({ authorization: `Bearer ${api.tokenWith(['writer', 'reader', 'admin'])}` });

it('any body of any type to POST /reports: never a 5xx', async () => {
  const body = fc.oneof(
    fc.string(),
    fc.json(),
    fc.jsonValue().map((value) => JSON.stringify({ title: 'x', body: value })),
    fc.uint8Array({ maxLength: 512 }),
    fc
      .integer({ min: 1, max: 30_000 })
      .map((depth) => `{"title":"x","body":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  );
  const type = fc.oneof(
    fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain'),
    headerText,
  );
  await fc.assert(
    fc.asyncProperty(body, type, async (payload, contentType) => {
      const code = await status('/reports', {
        method: 'POST',
        headers: { ...writer(), 'content-type': contentType },
        body: payload,
      });
      expect(code).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any path segment and query string: never a 5xx', async () => {
  const segment = fc.string({
    unit: fc.constantFrom(...'0123456789aeEx+-.%/ ?#&=[]{}'.split('')),
  });
  await fc.assert(
    fc.asyncProperty(segment, segment, async (id, query) => {
      const path = `/reports/${id.replace(/[/?#]/g, encodeURIComponent)}?${query.replace(/#/g, '%23')}`;
      expect(await status(path, { method: 'DELETE', headers: writer() })).toBeLessThan(500);
      expect(
        await status(`/reports?${query.replace(/#/g, '%23')}`, { headers: writer() }),
      ).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any Authorization header, any unsigned or badly signed token: 400 or 401', async () => {
  const header = fc.oneof(
    headerText,
    headerText.map((text) => `Bearer ${text}`),
    fc
      .tuple(fc.jsonValue(), fc.jsonValue(), headerText)
      .map(
        ([head, claims, signature]) =>
          `Bearer ${base64url(head)}.${base64url(claims)}.${signature}`,
      ),
  );
  await fc.assert(
    fc.asyncProperty(header, async (authorization) => {
      expect([400, 401]).toContain(await status('/whoami', { headers: { authorization } }));
    }),
    RUNS,
  );
});

it('a correctly signed token with any claims: never a 5xx', async () => {
  const claims = fc.dictionary(
    fc.constantFrom(
      'cern_roles',
      'azp',
      'sub',
      'aud',
      'exp',
      'nbf',
      'iat',
      'jti',
      'resource_access',
      'x',
    ),
    fc.jsonValue(),
  );
  await fc.assert(
    fc.asyncProperty(claims, async (extra) => {
      const token = api.sso.issuer.mintToken({ roles: ['reader', 'writer'], claims: extra });
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      expect(await status('/whoami', { headers })).toBeLessThan(500);
      expect(
        await status('/reports', { method: 'POST', headers, body: '{"title":"t"}' }),
      ).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any other header: never a 5xx', async () => {
  // Headers fetch lets a client set to anything (it guards content-length and host itself).
  const name = fc.constantFrom(
    'accept',
    'accept-encoding',
    'x-forwarded-for',
    'origin',
    'if-none-match',
    'range',
    'sec-fetch-site',
  );
  await fc.assert(
    fc.asyncProperty(name, headerText, async (header, value) => {
      const init = { headers: { ...writer(), [header]: value } };
      expect(await status('/reports', init)).toBeLessThan(500);
      expect(await status('/docs', init)).toBeLessThan(500);
    }),
    RUNS,
  );
});
