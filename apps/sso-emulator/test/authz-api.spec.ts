import { type RunningEmulator } from '../src/emulator.js';
import { Registry } from '../src/registry/registry.js';
import { parseRegistry } from '../src/registry/registry.schema.js';
import { ADMIN_SECRET, startTestEmulator, tokenFor } from './helpers.js';
import { AUTHZ_API, getApi } from './authz-api.support.js';

// Who may call what: the emulator's Authorization Service API behind the project's own guard.
let emulator: RunningEmulator;
let reader: string;
let stranger: string;

beforeAll(async () => {
  emulator = await startTestEmulator();
  reader = await tokenFor(emulator, 'caller', AUTHZ_API);
  stranger = await tokenFor(emulator, 'stranger', AUTHZ_API);
});
afterAll(() => emulator.close());

const READER_ROUTES = [
  'Identity/caller',
  'Identity/caller/groups?recursive=true',
  'Identity/caller/groups/recursive',
  'Group?filter=groupIdentifier:target-api-readers',
  'Group/target-api-readers',
  'Application/target-api/roles',
  'Application/target-api/roles/reader/groups',
];

async function admin(method: string, path: string): Promise<Record<string, unknown>> {
  const response = await fetch(`${emulator.url}/admin/${path}`, {
    method,
    headers: { 'x-admin-secret': ADMIN_SECRET },
  });
  return (await response.json()) as Record<string, unknown>;
}

describe('without a usable token', () => {
  it.each(['Identity/current', ...READER_ROUTES])('GET %s without a token is 401', async (path) => {
    const { status, headers, body } = await getApi(emulator, path);
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="authorization-service-api"');
    expect(body).toMatchObject({ error: 'unauthorized', code: 'ERR_TOKEN_MISSING' });
  });

  it('refuses a token addressed to another application', async () => {
    const { status, headers, body } = await getApi(
      emulator,
      'Identity/current',
      await tokenFor(emulator, 'caller', 'target-api'),
    );
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(
      /^Bearer realm="authorization-service-api", error="invalid_token"/,
    );
    expect(body).toMatchObject({ error: 'invalid_token', code: 'ERR_TOKEN_AUDIENCE_INVALID' });
  });
});

describe('GET /api/v1.0/Identity/current (any valid token)', () => {
  it.each([
    ['caller', 'Caller (demo)'],
    ['stranger', 'An application with no role in target-api'],
  ])('names the application behind the token: %s', async (clientId, displayName) => {
    const { status, body } = await getApi(
      emulator,
      'Identity/current',
      await tokenFor(emulator, clientId, AUTHZ_API),
    );
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        id: expect.stringMatching(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        ),
        upn: clientId,
        displayName,
        type: 'Application',
      },
    });
  });
});

describe('the reader role of authorization-service-api', () => {
  it.each(READER_ROUTES)('GET %s without it is 403 naming the role', async (path) => {
    const { status, headers, body } = await getApi(emulator, path, stranger);
    expect(status).toBe(403);
    expect(headers.get('www-authenticate')).toBe(
      'Bearer realm="authorization-service-api", error="insufficient_scope", error_description="requires any of the roles: reader", scope="reader"',
    );
    expect(body).toEqual({
      statusCode: 403,
      error: 'insufficient_scope',
      error_description: 'requires any of the roles: reader',
      code: 'ERR_ROLE_MISSING',
    });
  });

  it.each(READER_ROUTES)('GET %s with it is 200', async (path) => {
    expect((await getApi(emulator, path, reader)).status).toBe(200);
  });

  it.each(['caller', 'ops-bot', 'auditor-bot'])(
    'is granted to %s through a group',
    async (clientId) => {
      const token = await tokenFor(emulator, clientId, AUTHZ_API);
      const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as {
        cern_roles: string[];
      };
      expect(claims.cern_roles).toEqual(['reader']);
    },
  );
});

describe('keys', () => {
  it('verifies with the realm keys in-process: rotation keeps old tokens, retirement ends them', async () => {
    const before = await tokenFor(emulator, 'ops-bot', AUTHZ_API);
    await admin('POST', 'keys/rotate');
    expect((await getApi(emulator, 'Identity/current', before)).status).toBe(200);
    expect(
      (
        await getApi(
          emulator,
          'Identity/current',
          await tokenFor(emulator, 'auditor-bot', AUTHZ_API),
        )
      ).status,
    ).toBe(200);

    const signedByPrevious = await tokenFor(emulator, 'caller', AUTHZ_API);
    const { kids } = (await admin('POST', 'keys/rotate')) as { kids: string[] };
    await admin('DELETE', `keys/${kids[1]!}`);
    const { status, body } = await getApi(emulator, 'Identity/current', signedByPrevious);
    expect(status).toBe(401);
    expect(body).toMatchObject({ code: 'ERR_TOKEN_KID_UNKNOWN' });

    // Nothing above fetched the JWKS over HTTP: its counter counts clients only.
    expect(await admin('GET', 'stats')).toMatchObject({ jwksRequests: 0 });
  });
});

describe('a registry that breaks the API', () => {
  it('stops the emulator when authorization-service-api lacks the reader role', async () => {
    const registry = new Registry(
      parseRegistry(
        'applications:\n  - clientId: authorization-service-api\n    secret: s\n    roles: [{ name: viewer }]\n',
        'test',
      ),
    );
    await expect(startTestEmulator({}, { registry })).rejects.toMatchObject({
      code: 'ERR_REGISTRY',
      message: expect.stringContaining(
        'application "authorization-service-api": missing role "reader"',
      ),
    });
  });
});
