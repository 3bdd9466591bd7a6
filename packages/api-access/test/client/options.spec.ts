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

  it.each(
    cases([
      [
        { tokenEndpoint: 'ftp://sso/token' },
        'tokenEndpoint: expected an http(s) URL, got "ftp://sso/token"',
      ],
      [{ tokenEndpoint: 'not a url' }, 'tokenEndpoint: expected an http(s) URL, got "not a url"'],
      [{ clientId: '' }, 'clientId: expected a non-empty string, got ""'],
      [{ clientSecret: ' ' }, 'clientSecret: expected a non-empty string, got a blank string'],
      [{ clientSecret: 42 }, 'clientSecret: expected a non-empty string, got number'],
      [
        { clientSecret: ['hunter2-secret'] },
        'clientSecret: expected a non-empty string, got object',
      ],
      [
        { clientAuthentication: 'private_key_jwt' },
        'clientAuthentication: expected "client_secret_post" or "client_secret_basic", got "private_key_jwt"',
      ],
      [
        { targetParameters: ['scope'] },
        'targetParameters: expected a non-empty list of distinct "audience", "resource", got ["scope"]',
      ],
      [
        { targetParameters: [] },
        'targetParameters: expected a non-empty list of distinct "audience", "resource", got []',
      ],
      [
        { targetParameters: ['resource', 'resource'] },
        'targetParameters: expected a non-empty list of distinct "audience", "resource", got ["resource", "resource"]',
      ],
      [
        { targetParameters: 'resource' },
        'targetParameters: expected a non-empty list of distinct "audience", "resource", got "resource"',
      ],
      [{ checkTokenAudience: 'no' }, 'checkTokenAudience: expected a boolean, got "no"'],
      [{ timeoutMs: 0 }, 'timeoutMs: expected a number >= 1, got 0'],
      [{ timeoutMs: '5000' }, 'timeoutMs: expected a number >= 1, got "5000"'],
      [{ timeoutMs: Infinity }, 'timeoutMs: expected a number >= 1, got Infinity'],
      [{ retry: 3 }, 'retry: expected an object, got 3'],
      [{ retry: { maxAttempts: 1.5 } }, 'retry.maxAttempts: expected an integer >= 1, got 1.5'],
      [{ retry: { baseDelayMs: -1 } }, 'retry.baseDelayMs: expected a number >= 0, got -1'],
      [
        { retry: { baseDelayMs: 500, maxDelayMs: 100 } },
        'retry.maxDelayMs: expected a number >= 500, got 100',
      ],
      [{ retry: { maxTotalMs: NaN } }, 'retry.maxTotalMs: expected a number >= 1, got NaN'],
      [
        { refresh: { lifetimeFraction: 1.2 } },
        'refresh.lifetimeFraction: expected a number > 0 and <= 1, got 1.2',
      ],
      [
        { refresh: { lifetimeFraction: 0 } },
        'refresh.lifetimeFraction: expected a number > 0 and <= 1, got 0',
      ],
      [
        { refresh: { minRemainingMs: -Infinity } },
        'refresh.minRemainingMs: expected a number >= 0, got -Infinity',
      ],
      [{ clock: { now: Date.now } }, 'clock: expected a function, got object'],
      [{ sleep: 100 }, 'sleep: expected a function, got 100'],
      [{ http: { post: () => {} } }, 'http: expected an axios instance or a function, got object'],
    ]),
  )('refuses: $problem', ({ patch, problem }) => {
    const construct = () => new TokenClient({ ...base, ...patch } as TokenClientOptions);
    expect(construct).toThrow(InvalidOptionError);
    expect(construct).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTION',
        problems: [problem],
        message: `Invalid option ${problem}`,
      }),
    );
    expect(construct).not.toThrow('hunter2');
  });

  it.each([
    [null, 'null'],
    ['options', '"options"'],
    [['a'], '["a"]'],
  ])('refuses options that are not an object (%j)', (options, shows) => {
    expect(() => new TokenClient(options as unknown as TokenClientOptions)).toThrow(
      expect.objectContaining({
        code: 'ERR_INVALID_OPTION',
        problems: [`options: expected an object, got ${shows}`],
      }),
    );
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

/** Table rows as `[patch, problem]`, so the exact problem can title each test. */
function cases(rows: [object, string][]): { patch: object; problem: string }[] {
  return rows.map(([patch, problem]) => ({ patch, problem }));
}
