import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { InvalidOptionError, resolveApiAccessOptions } from '../../src/server/index.js';
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
  [{ issuer: 'auth.cern.ch' }, 'issuer: must be an http(s) URL (got "auth.cern.ch")'],
  [{ clientId: '' }, 'clientId: must be a non-empty string (got "")'],
  [{ algorithms: ['none'] }, 'algorithms: may only list RS*, PS* or ES* (got "none")'],
  [{ algorithms: ['HS256'] }, 'algorithms: may only list RS*, PS* or ES* (got "HS256")'],
  [{ algorithms: [] }, 'algorithms: must be a non-empty array (got [])'],
  [{ jwksTimeoutMs: 30_000 }, 'jwksTimeoutMs: must be a number from 1 to 5000 (got 30000)'],
  [
    { rolesClaim: '__proto__.roles' },
    'rolesClaim: must be a dotted path of non-empty, non-prototype names (got "__proto__.roles")',
  ],
  [
    { rolesClaim: 'resource_access..roles' },
    'rolesClaim: must be a dotted path of non-empty, non-prototype names (got "resource_access..roles")',
  ],
  [{ clockToleranceSec: -1 }, 'clockToleranceSec: must be a number from 0 to 300 (got -1)'],
  [{ jwksUri: 'ftp://sso/certs' }, 'jwksUri: must be an http(s) URL (got "ftp://sso/certs")'],
  [{ jwksRefetchIntervalSec: 0 }, 'jwksRefetchIntervalSec: must be a number from 1 to 60 (got 0)'],
  [
    { isApplication: 'service-account-' as never },
    'isApplication: must be a function (got "service-account-")',
  ],
  [{ realm: 'a"b' }, 'realm: must be printable ASCII without quotes or backslashes (got "a\\"b")'],
])('refuses %j', (bad, problem) => {
  expect(() => resolveApiAccessOptions({ ...REQUIRED, ...bad })).toThrow(
    new InvalidOptionError([problem]),
  );
});

it('lists every bad option at once', () => {
  const attempt = () =>
    resolveApiAccessOptions({ issuer: '', clientId: '', algorithms: ['none', 'RS256', 'HS256'] });
  expect(attempt).toThrow(InvalidOptionError);
  expect(attempt).toThrow(
    'Invalid option issuer: must be an http(s) URL (got ""); ' +
      'clientId: must be a non-empty string (got ""); ' +
      'algorithms: may only list RS*, PS* or ES* (got "none"); ' +
      'algorithms: may only list RS*, PS* or ES* (got "HS256")',
  );
});

describe('ApiAccessModule', () => {
  it('fails the app bootstrap on bad options, naming them', async () => {
    @Module({ imports: [ApiAccessModule.forRoot({ ...REQUIRED, algorithms: ['HS256'] })] })
    class BadModule {}
    await expect(
      NestFactory.createApplicationContext(BadModule, { logger: false, abortOnError: false }),
    ).rejects.toThrow('algorithms: may only list RS*, PS* or ES* (got "HS256")');
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
