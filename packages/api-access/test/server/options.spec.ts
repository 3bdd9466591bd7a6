import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  InvalidOptionError,
  resolveApiAccessOptions,
  type ApiAccessOptions,
} from '../../src/server/index.js';
import { ApiAccessModule, ApiAccessGuard } from '../../src/server/nestjs/index.js';

const REQUIRED = { issuer: 'https://auth.cern.ch/auth/realms/cern', clientId: 'target-api' };

it('defaults to what the CERN SSO issues', () => {
  const resolved = resolveApiAccessOptions(REQUIRED);
  expect(resolved).toMatchObject({
    jwksUri: undefined,
    algorithms: ['RS256'],
    clockToleranceSec: 5,
    rolesClaimPath: ['cern_roles'],
    allowedCallers: undefined,
    requireTyp: undefined,
    realm: 'target-api',
    jwksTimeoutMs: 5000,
    jwksRefetchIntervalSec: 6,
    jwksRequestsPerMinute: 10,
    jwksRefreshIntervalSec: 60,
    staleKeyMaxAgeSec: 3600,
    tokenCacheMaxEntries: 1000,
    tokenCacheMaxAgeSec: 60,
    retryAfterSec: 10,
  });
});

it('splits a dotted roles path, or takes segments when a name contains a dot', () => {
  expect(
    resolveApiAccessOptions({ ...REQUIRED, rolesClaim: 'resource_access.target-api.roles' })
      .rolesClaimPath,
  ).toEqual(['resource_access', 'target-api', 'roles']);
  expect(
    resolveApiAccessOptions({ ...REQUIRED, rolesClaim: ['resource_access', 'my.api', 'roles'] })
      .rolesClaimPath,
  ).toEqual(['resource_access', 'my.api', 'roles']);
});

it.each([
  [{ issuer: 'auth.cern.ch' }, 'issuer: expected an http(s) URL, got "auth.cern.ch"'],
  [{ clientId: '' }, 'clientId: expected a non-empty string, got ""'],
  [{ clientId: 42 }, 'clientId: expected a non-empty string, got 42'],
  [{ jwksUri: 'ftp://sso/certs' }, 'jwksUri: expected an http(s) URL, got "ftp://sso/certs"'],
  [
    { algorithms: ['none'] },
    'algorithms: expected a non-empty list of RS*, PS* or ES* algorithms, got ["none"]',
  ],
  [
    { algorithms: ['RS256', 'HS256'] },
    'algorithms: expected a non-empty list of RS*, PS* or ES* algorithms, got ["RS256", "HS256"]',
  ],
  [
    { algorithms: [] },
    'algorithms: expected a non-empty list of RS*, PS* or ES* algorithms, got []',
  ],
  [
    { rolesClaim: '__proto__.roles' },
    'rolesClaim: expected a dotted path of non-empty, non-prototype names, got "__proto__.roles"',
  ],
  [
    { rolesClaim: 'resource_access..roles' },
    'rolesClaim: expected a dotted path of non-empty, non-prototype names, got "resource_access..roles"',
  ],
  [{ allowedCallers: 'caller' }, 'allowedCallers: expected a list of client ids, got "caller"'],
  [
    { allowedCallers: ['caller', ''] },
    'allowedCallers: expected a list of client ids, got ["caller", ""]',
  ],
  [{ requireTyp: '' }, 'requireTyp: expected a non-empty string, got ""'],
  [{ realm: 'a"b' }, 'realm: expected printable ASCII without quotes or backslashes, got "a\\"b"'],
  [
    { isApplication: 'service-account-' },
    'isApplication: expected a function, got "service-account-"',
  ],
  [{ scheduler: {} }, 'scheduler: expected a function, got object'],
  [{ logger: () => undefined }, 'logger: expected an object with warn() and error(), got function'],
  [{ clockToleranceSec: -1 }, 'clockToleranceSec: expected a number from 0 to 300, got -1'],
  [{ clockToleranceSec: NaN }, 'clockToleranceSec: expected a number from 0 to 300, got NaN'],
  [{ jwksTimeoutMs: 30_000 }, 'jwksTimeoutMs: expected a number from 1 to 5000, got 30000'],
  [{ jwksRefetchIntervalSec: 0 }, 'jwksRefetchIntervalSec: expected a number from 1 to 60, got 0'],
  [{ jwksRequestsPerMinute: 2.5 }, 'jwksRequestsPerMinute: expected an integer >= 1, got 2.5'],
  [{ jwksRefreshIntervalSec: '60' }, 'jwksRefreshIntervalSec: expected a number >= 1, got "60"'],
  [{ staleKeyMaxAgeSec: Infinity }, 'staleKeyMaxAgeSec: expected a number >= 0, got Infinity'],
  [{ tokenCacheMaxEntries: 0.5 }, 'tokenCacheMaxEntries: expected an integer >= 0, got 0.5'],
  [
    { tokenCacheMaxAgeSec: -Infinity },
    'tokenCacheMaxAgeSec: expected a number >= 0, got -Infinity',
  ],
  [{ retryAfterSec: 1.5 }, 'retryAfterSec: expected an integer >= 1, got 1.5'],
])('refuses %p: %s', (patch, problem) => {
  const resolve = () => resolveApiAccessOptions({ ...REQUIRED, ...patch } as ApiAccessOptions);
  expect(resolve).toThrow(InvalidOptionError);
  expect(resolve).toThrow(
    expect.objectContaining({
      code: 'ERR_INVALID_OPTION',
      problems: [problem],
      message: `Invalid option ${problem}`,
    }),
  );
});

it.each([
  [undefined, 'undefined'],
  ['https://auth.cern.ch/auth/realms/cern', '"https://auth.cern.ch/auth/realms/cern"'],
])('refuses options that are not an object (%p)', (options, shows) => {
  expect(() => resolveApiAccessOptions(options as unknown as ApiAccessOptions)).toThrow(
    expect.objectContaining({ problems: [`options: expected an object, got ${shows}`] }),
  );
});

it('lists every bad option at once, in the order of the options', () => {
  const attempt = () =>
    resolveApiAccessOptions({
      issuer: '',
      clientId: '',
      algorithms: ['none', 'RS256', 'HS256'],
      retryAfterSec: NaN,
    });
  expect(attempt).toThrow(
    expect.objectContaining({
      code: 'ERR_INVALID_OPTION',
      problems: [
        'issuer: expected an http(s) URL, got ""',
        'clientId: expected a non-empty string, got ""',
        'algorithms: expected a non-empty list of RS*, PS* or ES* algorithms, got ["none", "RS256", "HS256"]',
        'retryAfterSec: expected an integer >= 1, got NaN',
      ],
    }),
  );
});

describe('ApiAccessModule', () => {
  it('fails the app bootstrap on bad options, naming them', async () => {
    @Module({ imports: [ApiAccessModule.forRoot({ ...REQUIRED, algorithms: ['HS256'] })] })
    class BadModule {}
    await expect(
      NestFactory.createApplicationContext(BadModule, { logger: false, abortOnError: false }),
    ).rejects.toThrow(
      'Invalid option algorithms: expected a non-empty list of RS*, PS* or ES* algorithms, got ["HS256"]',
    );
  });

  it('takes options from forRootAsync and, with isGlobal, provides the guard everywhere', async () => {
    @Module({
      imports: [ApiAccessModule.forRootAsync({ isGlobal: true, useFactory: async () => REQUIRED })],
    })
    class AsyncModule {}
    const context = await NestFactory.createApplicationContext(AsyncModule, { logger: false });
    expect(context.get(ApiAccessGuard)).toBeInstanceOf(ApiAccessGuard);
    await context.close();
  });
});
