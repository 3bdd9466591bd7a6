import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';
import { TokenClient, type TokenClientOptions } from '@cern-sso/api-access/client';
import { startEmulatorProcess, type RunningEmulator } from '@cern-sso/stack';
import { eventually, manualClock, type ManualClock } from '@cern-sso/testing-support';

// The token client's contract with the emulator's process: real tokens, signed and counted by it.
describe('TokenClient against the SSO emulator', () => {
  let sso: RunningEmulator;
  let clock: ManualClock;
  let baseline: number;

  beforeAll(async () => {
    sso = await startEmulatorProcess();
  });
  afterAll(() => sso.stop());
  beforeEach(async () => {
    clock = manualClock(Date.now());
    baseline = await tokenRequests();
  });

  const tokenRequests = async () => (await sso.admin.stats()).tokenRequests.apiAccess;
  const requestsSinceStart = async () => (await tokenRequests()) - baseline;
  const client = (options: Partial<TokenClientOptions> = {}) =>
    new TokenClient({
      tokenEndpoint: sso.tokenEndpoint,
      clientId: 'caller',
      clientSecret: 'caller-secret',
      clock: clock.now,
      sleep: clock.sleep,
      ...options,
    });

  it.each(['client_secret_post', 'client_secret_basic'] as const)(
    'gets a signed token for the audience with the caller roles there (%s)',
    async (clientAuthentication) => {
      const token = await client({ clientAuthentication }).getToken('target-api');
      const { payload, protectedHeader } = await jwtVerify(
        token,
        createRemoteJWKSet(new URL(sso.jwksUri)),
        {
          issuer: sso.issuer,
          audience: 'target-api',
          algorithms: ['RS256'],
        },
      );
      expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
      expect(payload).toMatchObject({
        azp: 'caller',
        sub: 'service-account-caller',
        typ: 'Bearer',
      });
      expect([...(payload.cern_roles as string[])].sort()).toEqual(['reader', 'writer']);
      expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(1200);
    },
  );

  it('serves 50 sequential calls from one token request', async () => {
    const tokenClient = client();
    const tokens = new Set<string>();
    for (let i = 0; i < 50; i++) tokens.add(await tokenClient.getToken('target-api'));
    expect(tokens.size).toBe(1);
    expect(await requestsSinceStart()).toBe(1);
  });

  it('shares one token request among 1,000 concurrent callers', async () => {
    const tokenClient = client();
    const tokens = await Promise.all(
      Array.from({ length: 1000 }, () => tokenClient.getToken('target-api')),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(await requestsSinceStart()).toBe(1);
  });

  it('refreshes in the background once 80% of the 1200 s lifetime has passed', async () => {
    const tokenClient = client();
    const first = await tokenClient.getToken('target-api');
    clock.advance(959_000);
    expect(await tokenClient.getToken('target-api')).toBe(first);
    clock.advance(1_000);
    expect(await tokenClient.getToken('target-api')).toBe(first);
    await eventually(async () => (await tokenClient.getToken('target-api')) !== first);
    const second = await tokenClient.getToken('target-api');
    expect(decodeJwt(second).jti).not.toBe(decodeJwt(first).jti);
    expect(await requestsSinceStart()).toBe(2);
  });

  it.each([
    {
      name: 'a wrong secret',
      options: { clientSecret: 'wrong' },
      audience: 'target-api',
      status: 401,
      error: 'invalid_client',
    },
    {
      name: 'an app without API Access',
      options: { clientId: 'web-portal', clientSecret: 'web-portal-secret' },
      audience: 'target-api',
      status: 401,
      error: 'unauthorized_client',
    },
    {
      name: 'an unknown audience',
      options: {},
      audience: 'no-such-app',
      status: 400,
      error: 'invalid_target',
    },
  ])('reports $error for $name, without retrying', async ({ options, audience, status, error }) => {
    await expect(client(options).getToken(audience)).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
      status,
      oauthError: error,
      endpoint: sso.tokenEndpoint,
    });
    expect(await requestsSinceStart()).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('gets a token with no roles for an audience where the caller has none', async () => {
    const token = await client({ clientId: 'stranger', clientSecret: 'stranger-secret' }).getToken(
      'target-api',
    );
    expect(decodeJwt(token).cern_roles ?? []).toEqual([]);
  });

  it('fails at once, after one request, when pointed at the standard token endpoint', async () => {
    const standardBefore = (await sso.admin.stats()).tokenRequests.standard;
    const error = await client({ tokenEndpoint: sso.standardTokenEndpoint })
      .getToken('target-api')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE',
      problem: 'aud-missing',
      endpoint: sso.standardTokenEndpoint,
    });
    expect((error as Error).message).toContain('the standard token endpoint');
    expect((await sso.admin.stats()).tokenRequests.standard - standardBefore).toBe(1);
    expect(clock.sleeps).toEqual([]);
  });
});
