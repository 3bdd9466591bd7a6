import fc from 'fast-check';
import { startCallerStack, type CallerStack } from './helpers.js';

// A sweep for 5xx on bad input (issue 14, F4): whatever a client sends the caller, it answers
// with a 4xx or a success, never a 5xx. The SSO is the real emulator and the target a fake that
// accepts everything, so a 5xx here can only come from the caller's handling of the input.
let stack: CallerStack;

beforeAll(async () => {
  stack = await startCallerStack();
  stack.target.respond = (_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"id":1}');
});
afterAll(() => stack.close());
afterEach(() => (stack.target.requests.length = 0));

const RUNS = { numRuns: 150 };

/** What fetch may put in a header value: visible ASCII and spaces. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
});

async function status(path: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(`${stack.caller.url}${path}`, init);
  await response.arrayBuffer();
  return response.status;
}

it('any body of any type to the routes that write: never a 5xx', async () => {
  const body = fc.oneof(
    fc.string(),
    fc.json(),
    fc.uint8Array({ maxLength: 512 }),
    fc
      .integer({ min: 1, max: 30_000 })
      .map((depth) => `{"title":${'['.repeat(depth)}${']'.repeat(depth)}}`),
  );
  const type = fc.oneof(
    fc.constantFrom('application/json', 'application/json; charset=utf-16', 'text/plain'),
    headerText,
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('/reports', '/demo'),
      body,
      type,
      async (path, payload, contentType) => {
        const code = await status(path, {
          method: 'POST',
          headers: { 'content-type': contentType },
          body: payload,
        });
        expect(code).toBeLessThan(500);
      },
    ),
    RUNS,
  );
});

it('any Origin, Sec-Fetch-Site or other header: never a 5xx', async () => {
  const name = fc.constantFrom(
    'origin',
    'sec-fetch-site',
    'host',
    'accept',
    'x-forwarded-for',
    'range',
  );
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'),
      fc.constantFrom('/reports', '/demo', '/whoami', '/health'),
      name,
      headerText,
      async (method, path, header, value) => {
        const code = await status(path, { method, headers: { [header]: value } });
        expect(code).toBeLessThan(500);
      },
    ),
    RUNS,
  );
});

it('any path and query string: never a 5xx', async () => {
  const text = fc.string({ unit: fc.constantFrom(...'abc019%./?&=[]{}+ '.split('')) });
  await fc.assert(
    fc.asyncProperty(text, text, async (path, query) => {
      const url = `/${path.replace(/[?#]/g, encodeURIComponent)}?${query.replace(/#/g, '%23')}`;
      expect(await status(url)).toBeLessThan(500);
      expect(await status(`/reports?${query.replace(/#/g, '%23')}`)).toBeLessThan(500);
    }),
    RUNS,
  );
});
