import { type RunningEmulator } from '../src/emulator.js';
import { basic, postToken, startTestEmulator, type TokenCall } from './helpers.js';

let emulator: RunningEmulator;
let endpoint: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  endpoint = `${emulator.url}/auth/realms/cern/api-access/token`;
});
afterAll(() => emulator.close());

const good = {
  grant_type: 'client_credentials',
  client_id: 'caller',
  client_secret: 'caller-secret',
  audience: 'target-api',
};
const without = (name: keyof typeof good) =>
  Object.fromEntries(Object.entries(good).filter(([key]) => key !== name));

// [case, request, status, error, description fragment]
const refusals: [string, TokenCall, number, string, string][] = [
  [
    'unknown client',
    { form: { ...good, client_id: 'nobody' } },
    401,
    'invalid_client',
    'Invalid client',
  ],
  [
    'wrong secret',
    { form: { ...good, client_secret: 'guess' } },
    401,
    'invalid_client',
    'Invalid client',
  ],
  [
    'no credentials',
    { form: without('client_secret') },
    401,
    'invalid_client',
    'client authentication required',
  ],
  [
    'wrong Basic secret',
    {
      form: { grant_type: 'client_credentials', audience: 'target-api' },
      headers: { authorization: basic('caller', 'guess') },
    },
    401,
    'invalid_client',
    'Invalid client',
  ],
  [
    'Basic without a colon',
    {
      form: { grant_type: 'client_credentials', audience: 'target-api' },
      headers: { authorization: 'Basic Y2FsbGVy' },
    },
    401,
    'invalid_client',
    'client authentication required',
  ],
  [
    'both Basic and form credentials',
    { form: good, headers: { authorization: basic('caller', 'caller-secret') } },
    400,
    'invalid_request',
    'both',
  ],
  [
    'a Bearer header',
    { form: good, headers: { authorization: 'Bearer abc' } },
    400,
    'invalid_request',
    'Basic scheme',
  ],
  ['missing audience', { form: without('audience') }, 400, 'invalid_request', '"audience"'],
  ['empty audience', { form: { ...good, audience: '' } }, 400, 'invalid_request', '"audience"'],
  ['missing grant_type', { form: without('grant_type') }, 400, 'invalid_request', '"grant_type"'],
  [
    'a repeated parameter',
    { body: `${new URLSearchParams(good)}&audience=ops-bot` },
    400,
    'invalid_request',
    '"audience" is repeated',
  ],
  [
    'a JSON body',
    { body: JSON.stringify(good), headers: { 'content-type': 'application/json' } },
    400,
    'invalid_request',
    'Content-Type',
  ],
  [
    'no content type',
    { body: new URLSearchParams(good).toString(), headers: { 'content-type': '' } },
    400,
    'invalid_request',
    'Content-Type',
  ],
  [
    'invalid UTF-8',
    {
      body: Buffer.concat([
        Buffer.from([0x61, 0x3d, 0xff, 0xfe, 0x26]),
        Buffer.from(new URLSearchParams(good).toString()),
      ]),
    },
    400,
    'invalid_request',
    'UTF-8',
  ],
  [
    'password grant',
    { form: { ...good, grant_type: 'password' } },
    400,
    'unsupported_grant_type',
    '"password"',
  ],
  [
    'unregistered audience',
    { form: { ...good, audience: 'no-such-app' } },
    400,
    'invalid_target',
    '"no-such-app"',
  ],
  [
    'API Access not enabled',
    { form: { ...good, client_id: 'web-portal', client_secret: 'web-portal-secret' } },
    401,
    'unauthorized_client',
    'not enabled',
  ],
  [
    'an oversized body',
    { body: `${new URLSearchParams(good)}&padding=${'x'.repeat(20_000)}` },
    413,
    'invalid_request',
    'larger than',
  ],
];

describe('API Access token endpoint refusals (RFC 6749 5.2)', () => {
  it.each(refusals)('refuses %s', async (_case, call, status, error, fragment) => {
    const response = await postToken(endpoint, call);
    expect(response.status).toBe(status);
    expect(response.json.error).toBe(error);
    expect(response.json.error_description).toContain(fragment);
    expect(response.headers.get('cache-control')).toBe('no-store');
    // Only a failed Basic login invites the client to retry Basic.
    const usedBasic = /^basic/i.test(call.headers?.authorization ?? '');
    expect(response.headers.get('www-authenticate')).toBe(
      usedBasic && status === 401 ? 'Basic realm="api-access"' : null,
    );
  });

  it('never echoes the submitted secret', async () => {
    const response = await postToken(endpoint, {
      form: { ...good, client_secret: 'S3cret-guess', grant_type: 'nope' },
    });
    expect(JSON.stringify(response.json)).not.toContain('S3cret-guess');
  });

  it('answers 404 for another realm', async () => {
    const response = await postToken(`${emulator.url}/auth/realms/other/api-access/token`, {
      form: good,
    });
    expect(response.status).toBe(404);
  });

  it('survives a malformed request and keeps serving', async () => {
    const broken = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '999999999',
      },
      body: 'a=1',
    }).catch(() => undefined);
    expect(broken === undefined || broken.status === 413 || broken.status === 400).toBe(true);
    expect((await postToken(endpoint, { form: good })).status).toBe(200);
  });
});
