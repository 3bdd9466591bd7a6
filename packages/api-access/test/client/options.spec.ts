import {
  InvalidOptionError,
  TokenClient,
  type TokenClientOptions,
} from '../../src/client/index.js';

const base: TokenClientOptions = {
  tokenEndpoint: 'http://localhost:8080/auth/realms/cern/api-access/token',
  clientId: 'caller',
  clientSecret: 'hunter2-secret',
};

describe('TokenClient options', () => {
  it('accepts the minimal options', () => {
    expect(new TokenClient(base)).toBeInstanceOf(TokenClient);
  });

  it('gives fields set to undefined their default (as from an unset variable)', () => {
    const options = { ...base, timeoutMs: undefined, retry: { maxAttempts: undefined } };
    expect(new TokenClient(options)).toBeInstanceOf(TokenClient);
  });

  it.each([
    {
      option: 'tokenEndpoint',
      patch: { tokenEndpoint: 'ftp://sso/token' },
      shows: '"ftp://sso/token"',
    },
    { option: 'tokenEndpoint', patch: { tokenEndpoint: 'not a url' }, shows: '"not a url"' },
    { option: 'clientId', patch: { clientId: '' }, shows: '""' },
    { option: 'clientSecret', patch: { clientSecret: ' ' }, shows: 'a blank string' },
    { option: 'clientSecret', patch: { clientSecret: 42 }, shows: 'number' },
    { option: 'clientSecret', patch: { clientSecret: ['hunter2-secret'] }, shows: 'object' },
    {
      option: 'clientAuthentication',
      patch: { clientAuthentication: 'private_key_jwt' },
      shows: '"private_key_jwt"',
    },
    {
      option: 'targetParameters',
      patch: { targetParameters: ['scope'] },
      shows: '["scope"]',
    },
    { option: 'targetParameters', patch: { targetParameters: [] }, shows: '[]' },
    {
      option: 'targetParameters',
      patch: { targetParameters: ['resource', 'resource'] },
      shows: '["resource", "resource"]',
    },
    { option: 'targetParameters', patch: { targetParameters: 'resource' }, shows: '"resource"' },
    { option: 'checkTokenAudience', patch: { checkTokenAudience: 'no' }, shows: '"no"' },
    { option: 'timeoutMs', patch: { timeoutMs: 0 }, shows: '0' },
    { option: 'timeoutMs', patch: { timeoutMs: '5000' }, shows: '"5000"' },
    { option: 'retry.maxAttempts', patch: { retry: { maxAttempts: 1.5 } }, shows: '1.5' },
    { option: 'retry.baseDelayMs', patch: { retry: { baseDelayMs: -1 } }, shows: '-1' },
    {
      option: 'retry.maxDelayMs',
      patch: { retry: { baseDelayMs: 500, maxDelayMs: 100 } },
      shows: '100',
    },
    { option: 'retry.maxTotalMs', patch: { retry: { maxTotalMs: NaN } }, shows: 'NaN' },
    {
      option: 'refresh.lifetimeFraction',
      patch: { refresh: { lifetimeFraction: 1.2 } },
      shows: '1.2',
    },
    { option: 'refresh.minRemainingMs', patch: { refresh: { minRemainingMs: -60 } }, shows: '-60' },
    { option: 'clock', patch: { clock: { now: Date.now } }, shows: 'object' },
    { option: 'sleep', patch: { sleep: 100 }, shows: '100' },
    { option: 'http', patch: { http: { post: () => {} } }, shows: 'object' },
  ])('names $option and the bad value ($shows)', ({ option, patch, shows }) => {
    const construct = () => new TokenClient({ ...base, ...(patch as Partial<TokenClientOptions>) });
    expect(construct).toThrow(InvalidOptionError);
    expect(construct).toThrow(`Invalid option ${option}: `);
    expect(construct).toThrow(`got ${shows}`);
    expect(construct).not.toThrow('hunter2');
  });

  it('lists every bad option at once, in one grammar', () => {
    const construct = () =>
      new TokenClient({
        ...base,
        clientId: '',
        clientSecret: '',
        targetParameters: ['aud'],
        retry: { maxAttempts: 0 },
      } as unknown as TokenClientOptions);
    expect(construct).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTION',
        problems: [
          'clientId: expected a non-empty string, got ""',
          'clientSecret: expected a non-empty string, got a blank string',
          'targetParameters: expected a non-empty list of distinct "audience", "resource", got ["aud"]',
          'retry.maxAttempts: expected an integer >= 1, got 0',
        ],
      }),
    );
  });
});
