import { decodeJwt, decodeProtectedHeader } from 'jose';
import { TokenClient, type TokenClientOptions } from '@cern-sso/api-access/client';
import {
  ROLES_CLAIM,
  startOidcProvider,
  type RunningOidcProvider,
} from './support/oidc-provider.js';

const REPORTS_API = 'https://reports-api.example/';

describe('the token client against node-oidc-provider (RFC 8707 resource, RFC 9068 tokens)', () => {
  let op: RunningOidcProvider;

  beforeAll(async () => {
    op = await startOidcProvider({
      clients: { caller: 'caller-secret' },
      roles: { [REPORTS_API]: { caller: ['reader', 'writer'] } },
    });
  });
  afterAll(() => op.stop());

  const client = (options: Partial<TokenClientOptions>) =>
    new TokenClient({
      tokenEndpoint: op.tokenEndpoint,
      clientId: 'caller',
      clientSecret: 'caller-secret',
      ...options,
    });

  it.each([[['resource'] as const], [['audience', 'resource'] as const]])(
    'gets a JWT access token for the resource, sending %j',
    async (targetParameters) => {
      const token = await client({ targetParameters: [...targetParameters] }).getToken(REPORTS_API);
      expect(decodeProtectedHeader(token)).toMatchObject({ alg: 'RS256', typ: 'at+jwt' });
      expect(decodeJwt(token)).toMatchObject({
        iss: op.issuer,
        aud: REPORTS_API,
        client_id: 'caller',
        sub: 'caller',
        [ROLES_CLAIM]: ['reader', 'writer'],
      });
    },
  );

  it('serves repeated calls from one token request', async () => {
    const before = op.tokenRequests();
    const tokenClient = client({ targetParameters: ['resource'] });
    const tokens = new Set<string>();
    for (let i = 0; i < 5; i++) tokens.add(await tokenClient.getToken(REPORTS_API));
    expect(tokens.size).toBe(1);
    expect(op.tokenRequests() - before).toBe(1);
  });

  it('fails at once, after one request, when only `audience` is sent (the server ignores it)', async () => {
    const before = op.tokenRequests();
    const error = await client({})
      .getToken(REPORTS_API)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE',
      problem: 'not-a-jwt',
      sentAs: ['audience'],
    });
    expect((error as Error).message).toContain('the SSO ignored "audience"');
    expect(op.tokenRequests() - before).toBe(1);
  });

  it('accepts the opaque token when told the server issues them', async () => {
    const token = await client({ checkTokenAudience: false }).getToken(REPORTS_API);
    expect(() => decodeJwt(token)).toThrow();
  });

  it("reports the provider's invalid_target for an unknown resource, without retrying", async () => {
    const before = op.tokenRequests();
    await expect(
      client({ targetParameters: ['resource'] }).getToken('https://unknown.example/'),
    ).rejects.toMatchObject({ code: 'ERR_TOKEN_REQUEST_OAUTH', oauthError: 'invalid_target' });
    expect(op.tokenRequests() - before).toBe(1);
  });
});
