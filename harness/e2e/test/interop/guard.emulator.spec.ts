import { startStack, type Stack } from '@cern-sso/stack';
import { usesRunningServices } from '../support/environment.js';

// The guard's contract with the emulator's process, seen through target-api (a guard given only
// the issuer and its own client id): the principal it builds from real tokens, the refusals it
// writes for them, and what a key rotation costs. Every route for every identity is
// permission-matrix.spec.ts; every refusal rule, in-process, is packages/api-access's tests.
const local = usesRunningServices ? describe.skip : describe;

local('the guard against the SSO emulator', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  async function tokenFrom(endpoint: string, client: string, audience?: string): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client,
      client_secret: `${client}-secret`,
    });
    if (audience !== undefined) form.set('audience', audience);
    const response = await fetch(endpoint, { method: 'POST', body: form });
    const body = (await response.json()) as { access_token?: string };
    if (body.access_token === undefined) throw new Error(`no token: ${JSON.stringify(body)}`);
    return body.access_token;
  }
  const apiAccessToken = (client: string, audience = 'target-api') =>
    tokenFrom(stack.tokenEndpoint, client, audience);

  async function get(path: string, token: string) {
    const response = await fetch(`${stack.target.url}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: response.status,
      challenge: response.headers.get('www-authenticate'),
      body: (await response.json()) as Record<string, unknown>,
    };
  }

  it('builds the principal from the token: the caller, its subject, the audience, its roles', async () => {
    const reply = await get('/whoami', await apiAccessToken('caller'));
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      clientId: 'caller',
      subject: 'service-account-caller',
      audience: ['target-api'],
      roles: ['reader', 'writer'],
      isApplication: true,
    });
  });

  it('refuses a stranger (a valid token for this API, no role) with 403 insufficient_scope', async () => {
    const reply = await get('/reports', await apiAccessToken('stranger'));
    expect(reply.status).toBe(403);
    expect(reply.challenge).toMatch(/^Bearer realm="target-api", error="insufficient_scope", /);
    expect(reply.body.code).toBe('ERR_ROLE_MISSING');
  });

  it('refuses a token the caller obtained for another application', async () => {
    const reply = await get('/whoami', await apiAccessToken('caller', 'auditor-bot'));
    expect(reply.status).toBe(401);
    expect(reply.challenge).toBe(
      'Bearer realm="target-api", error="invalid_token", error_description="aud does not contain target-api"',
    );
    expect(reply.body.code).toBe('ERR_TOKEN_AUDIENCE_INVALID');
  });

  it("refuses a token from the standard endpoint (not addressed to this API's audience)", async () => {
    const token = await tokenFrom(stack.standardTokenEndpoint, 'caller');
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    const reply = await get('/whoami', token);
    expect(reply.status).toBe(401);
    expect(reply.challenge).toBe(
      `Bearer realm="target-api", error="invalid_token", error_description="${
        payload.aud === undefined ? 'aud is missing' : 'aud does not contain target-api'
      }"`,
    );
    expect(reply.body.code).toBe('ERR_TOKEN_AUDIENCE_INVALID');
  });

  it('accepts tokens signed after a key rotation, fetching the key set once for the new key', async () => {
    expect((await get('/whoami', await apiAccessToken('caller'))).status).toBe(200);
    const before = (await stack.admin.stats()).jwksRequests;
    await stack.admin.rotateKeys();
    for (const client of ['caller', 'auditor-bot', 'caller']) {
      expect((await get('/whoami', await apiAccessToken(client))).status).toBe(200);
    }
    const fetches = (await stack.admin.stats()).jwksRequests - before;
    // One for the new kid; a second only if the guard's 60 s background refresh fell in between.
    expect(fetches).toBeGreaterThanOrEqual(1);
    expect(fetches).toBeLessThanOrEqual(2);
  });
});
