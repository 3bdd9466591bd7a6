import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { fakeJwt } from './support/fake-jwt.js';
import { manualClock, type ManualClock } from '@cern-sso/testing-support';
import { SECRET, clientFor } from './support/client-for.js';
import { TokenWrongAudienceError } from '../../src/client/index.js';

const answer = (access_token: string) => ({
  status: 200,
  body: { access_token, expires_in: 1200, token_type: 'Bearer' },
});

describe('the token must be for the requested audience', () => {
  let endpoint: FakeTokenEndpoint;
  let clock: ManualClock;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    clock = manualClock();
  });
  afterEach(() => endpoint.stop());

  it.each([
    {
      token: 'an opaque token',
      accessToken: 'opaque-2YotnFZFEjr1zCsicMWpAA',
      problem: 'not-a-jwt',
      says: 'the access token is not a JWT',
    },
    {
      token: 'a JWT without aud (the standard endpoint)',
      accessToken: fakeJwt('standard', null),
      problem: 'aud-missing',
      says: 'the access token has no "aud" claim',
    },
    {
      token: 'a JWT for another audience',
      accessToken: fakeJwt('other', 'account'),
      problem: 'aud-mismatch',
      says: `the access token's "aud" is "account", not "target-api"`,
    },
    {
      token: 'a JWT whose aud list lacks it',
      accessToken: fakeJwt('list', ['account', 'broker']),
      problem: 'aud-mismatch',
      says: `the access token's "aud" is "account", "broker", not "target-api"`,
    },
  ])('refuses $token at once: one request, no retry', async ({ accessToken, problem, says }) => {
    endpoint.script(answer(accessToken));
    const error = await clientFor(endpoint, clock)
      .getToken('target-api')
      .catch((e: unknown) => e);

    expect(error).toBeInstanceOf(TokenWrongAudienceError);
    expect(error).toMatchObject({
      code: 'ERR_TOKEN_REQUEST_WRONG_AUDIENCE',
      problem,
      audience: 'target-api',
      endpoint: endpoint.url,
      sentAs: ['audience'],
    });
    const { message } = error as Error;
    expect(message).toContain(says);
    expect(message).toContain('the standard token endpoint');
    expect(message).toContain('the SSO ignored "audience"');
    for (const text of [message, JSON.stringify(error)]) {
      expect(text).not.toContain(accessToken);
      expect(text).not.toContain(SECRET);
    }
    expect(endpoint.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('suggests checkTokenAudience: false only for a token that is not a JWT', async () => {
    endpoint.script(answer('opaque'), answer(fakeJwt('other', 'account')));
    const client = clientFor(endpoint, clock);
    await expect(client.getToken('target-api')).rejects.toThrow('checkTokenAudience: false');
    await expect(client.getToken('target-api')).rejects.not.toThrow('checkTokenAudience');
  });

  it('names the resource parameter when the SSO ignored it', async () => {
    endpoint.script(answer(fakeJwt('other', 'https://default.example/')));
    const error = await clientFor(endpoint, clock, { targetParameters: ['resource'] })
      .getToken('https://reports.example/')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'aud-mismatch', sentAs: ['resource'] });
    expect((error as Error).message).toContain('the SSO ignored "resource"');
  });

  it('accepts a JWT whose aud list holds the audience among others', async () => {
    const accessToken = fakeJwt('list', ['account', 'target-api']);
    endpoint.script(answer(accessToken));
    expect(await clientFor(endpoint, clock).getToken('target-api')).toBe(accessToken);
  });

  it('accepts opaque tokens with checkTokenAudience: false', async () => {
    endpoint.script(answer('opaque-2YotnFZFEjr1zCsicMWpAA'));
    const client = clientFor(endpoint, clock, { checkTokenAudience: false });
    expect(await client.getToken('target-api')).toBe('opaque-2YotnFZFEjr1zCsicMWpAA');
  });

  it('is not cached: the next call asks again', async () => {
    endpoint.script(answer(fakeJwt('other', 'account')));
    const client = clientFor(endpoint, clock);
    await expect(client.getToken('target-api')).rejects.toThrow(TokenWrongAudienceError);
    expect(await client.getToken('target-api')).toBe(endpoint.tokenNumber(1));
    expect(endpoint.requests).toHaveLength(2);
  });
});
