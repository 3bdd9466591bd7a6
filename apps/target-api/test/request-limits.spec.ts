import { startTargetApi, type RunningTargetApi } from './helpers.js';

// Bad input gets a 4xx that names what was wrong, never a 500 (issue 14, F4 and F6).
let api: RunningTargetApi;
beforeAll(async () => (api = await startTargetApi()));
afterAll(() => api.close());

async function post(body: string, type = 'application/json') {
  const response = await fetch(`${api.url}/reports`, {
    method: 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${api.tokenWith(['writer'])}` },
    body,
  });
  return { status: response.status, body: (await response.json()) as { message: unknown } };
}

const nested = (depth: number) => `{"title":"x","body":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe('JSON bodies', () => {
  it.each([33, 2000, 20_000])(
    'refuses JSON nested %i levels deep with 400 naming the limit',
    async (depth) => {
      expect(await post(nested(depth))).toEqual({
        status: 400,
        body: expect.objectContaining({
          message: 'JSON nests deeper than 32 levels, the limit for a request body',
        }),
      });
    },
  );

  it('still reads a body nested to the limit (and validates it)', async () => {
    const response = await post(nested(31));
    expect(response.status).toBe(400);
    expect(response.body.message).toContain('body must be a string');
  });

  it('refuses a body over 64 KiB with 413 naming the limit', async () => {
    expect(await post(JSON.stringify({ title: 'x', body: 'y'.repeat(70_000) }))).toEqual({
      status: 413,
      body: expect.objectContaining({
        message: 'request body is larger than 65536 bytes, the limit',
      }),
    });
  });

  it('refuses a form with 415: the API reads JSON only', async () => {
    expect(await post('title=x', 'application/x-www-form-urlencoded')).toEqual({
      status: 415,
      body: expect.objectContaining({
        message: 'Content-Type must be application/json, got "application/x-www-form-urlencoded"',
      }),
    });
  });
});

describe('report ids', () => {
  it.each(['1e3', '0x10', '-1', '1.0', '+1', ' 1', '99999999999999999999'])(
    'refuses the id %j with 400 before looking it up',
    async (id) => {
      const response = await fetch(`${api.url}/reports/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${api.tokenWith(['admin'])}` },
      });
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({
        message: `id: expected digits only (at most 15), got ${JSON.stringify(id)}`,
      });
    },
  );
});
