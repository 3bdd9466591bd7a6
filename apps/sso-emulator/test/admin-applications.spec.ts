import { decodeJwt } from 'jose';
import { type RunningEmulator } from '../src/emulator.js';
import { Registry } from '../src/registry/registry.js';
import { ADMIN_SECRET, postToken, startTestEmulator } from './helpers.js';

// PUT /admin/applications/:clientId: how the permission-matrix kit gets an application holding
// exactly the roles a matrix identity names, then a genuine token for it by client credentials.
let emulator: RunningEmulator;
// One emulator for the file: every test registers its own client id.
beforeAll(async () => (emulator = await startTestEmulator()));
afterAll(() => emulator.close());

const register = (
  clientId: string,
  body: unknown,
  headers: Record<string, string> = { 'x-admin-secret': ADMIN_SECRET },
) =>
  fetch(`${emulator.url}/admin/applications/${encodeURIComponent(clientId)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function rolesOf(clientId: string, secret: string, audience = 'target-api') {
  const { status, json } = await postToken(`${emulator.url}/auth/realms/cern/api-access/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: clientId,
      client_secret: secret,
      audience,
    },
  });
  expect(status).toBe(200);
  return decodeJwt(json.access_token as string).cern_roles;
}

const SECRET = 'matrix-secret-1';

it('registers an application whose token carries the roles asked for, and never echoes the secret', async () => {
  const response = await register('matrix-reader', {
    secret: SECRET,
    rolesIn: { 'target-api': ['reader', 'writer'] },
  });
  expect(response.status).toBe(201);
  const text = await response.text();
  expect(JSON.parse(text)).toEqual({
    clientId: 'matrix-reader',
    rolesIn: { 'target-api': ['reader', 'writer'] },
  });
  expect(text).not.toContain(SECRET);
  expect(await rolesOf('matrix-reader', SECRET)).toEqual(['reader', 'writer']);
});

it('is idempotent: registering again replaces the roles and the secret (200)', async () => {
  await register('matrix-x', { secret: SECRET, rolesIn: { 'target-api': ['admin'] } });
  const again = await register('matrix-x', {
    secret: 'another-secret',
    rolesIn: { 'target-api': ['reader'] },
  });
  expect(again.status).toBe(200);
  expect(await rolesOf('matrix-x', 'another-secret')).toEqual(['reader']);
});

it('adds a role the target does not define yet, so a matrix can test an unknown role', async () => {
  await register('matrix-odd', { secret: SECRET, rolesIn: { 'target-api': ['no-such-role'] } });
  expect(await rolesOf('matrix-odd', SECRET)).toEqual(['no-such-role']);
  // Other applications keep exactly their roles.
  const { json } = await postToken(`${emulator.url}/auth/realms/cern/api-access/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: 'caller',
      client_secret: 'caller-secret',
      audience: 'target-api',
    },
  });
  expect(decodeJwt(json.access_token as string).cern_roles).toEqual(['reader', 'writer']);
});

it('refuses to replace an application of the registry file (409)', async () => {
  const response = await register('caller', {
    secret: SECRET,
    rolesIn: { 'target-api': ['admin'] },
  });
  expect(response.status).toBe(409);
  expect(await response.json()).toMatchObject({ message: expect.stringContaining('"caller"') });
});

it('refuses an unknown target application (422)', async () => {
  const response = await register('matrix-y', {
    secret: SECRET,
    rolesIn: { 'no-such-api': ['reader'] },
  });
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({
    message: expect.stringContaining('"no-such-api"'),
  });
});

describe('admin secret', () => {
  it.each([
    ['missing', 401, {}],
    ['wrong', 403, { 'x-admin-secret': 'not-the-secret' }],
  ])('%s secret: %i, and nothing is registered', async (_, status, headers) => {
    const response = await register('matrix-z', { secret: SECRET, rolesIn: {} }, headers);
    expect(response.status).toBe(status);
    expect(emulator.app.get(Registry).application('matrix-z')).toBeUndefined();
  });
});

describe('bad input: 4xx naming the problem', () => {
  it.each<[string, string, unknown, number, string]>([
    ['bad client id', 'bad id!', { secret: SECRET, rolesIn: {} }, 400, 'client id'],
    ['short secret', 'matrix-a', { secret: 'short', rolesIn: {} }, 400, 'secret: expected 8-256'],
    ['unknown field', 'matrix-a', { secret: SECRET, rolesIn: {}, admin: true }, 400, '"admin"'],
    ['rolesIn not an object', 'matrix-a', { secret: SECRET, rolesIn: ['reader'] }, 400, 'rolesIn'],
    [
      'role not a string',
      'matrix-a',
      { secret: SECRET, rolesIn: { 'target-api': [1] } },
      400,
      'bad role name 1',
    ],
    [
      'repeated role',
      'matrix-a',
      { secret: SECRET, rolesIn: { 'target-api': ['a', 'a'] } },
      400,
      'repeated',
    ],
    ['not an object', 'matrix-a', [1, 2], 400, 'expected a JSON object'],
    ['not JSON', 'matrix-a', '{"secret":', 400, 'not valid JSON'],
  ])('%s', async (_, clientId, body, status, message) => {
    const response = await register(clientId, body);
    expect(response.status).toBe(status);
    const { message: said } = (await response.json()) as { message: string | string[] };
    expect([said].flat().join('\n')).toContain(message);
  });

  it('a body that is not JSON by its Content-Type: 415', async () => {
    const response = await register('matrix-a', 'secret=x', {
      'x-admin-secret': ADMIN_SECRET,
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(response.status).toBe(415);
  });

  it('a body over 16 KiB: 413, unread', async () => {
    const response = await register('matrix-a', {
      secret: SECRET,
      rolesIn: { pad: ['x'.repeat(20_000)] },
    });
    expect(response.status).toBe(413);
  });

  it('never echoes the secret in a refusal', async () => {
    const response = await register('matrix-a', { secret: 'ab\ncdefghij', rolesIn: {} });
    expect(response.status).toBe(400);
    expect(await response.text()).not.toContain('cdefghij');
  });
});
