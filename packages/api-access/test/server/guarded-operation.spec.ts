import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { AddressInfo } from 'node:net';
import type { AccessRequirements } from '../../src/server/index.js';
import { ApiAccessGuard, ApiAccessModule } from '../../src/server/nestjs/index.js';
import { describeAccess, GuardedOperation } from '../../src/server/nestjs/swagger/index.js';
import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { get } from './support/http.js';

it.each<[AccessRequirements, string, string | undefined]>([
  [{}, 'Needs no role.', undefined],
  [{ anyRoles: ['writer'] }, 'Needs the role `writer`.', 'Valid token without the role `writer`'],
  [
    { anyRoles: ['reader', 'writer', 'admin'] },
    'Needs any of the roles `reader`, `writer`, `admin`.',
    'Valid token without any of the roles `reader`, `writer`, `admin`',
  ],
  [
    { allRoles: ['reader', 'auditor'] },
    'Needs both roles `reader` and `auditor`.',
    'Valid token without both roles `reader` and `auditor`',
  ],
  [
    { allRoles: ['a', 'b', 'c'] },
    'Needs all of the roles `a`, `b` and `c`.',
    'Valid token without all of the roles `a`, `b` and `c`',
  ],
  [
    { anyRoles: ['admin'], callers: ['ops-bot'] },
    'Needs the role `admin`. Only callers `ops-bot`.',
    'Valid token without the role `admin`, or from a caller other than `ops-bot`',
  ],
  [
    { callers: ['ops-bot', 'caller'] },
    'Needs no role. Only callers `ops-bot`, `caller`.',
    'Valid token from a caller other than `ops-bot`, `caller`',
  ],
])('describes %j', (requirements, description, forbidden) => {
  expect(describeAccess(requirements)).toEqual({ description, forbidden });
});

@Controller('reports')
class ReportsController {
  @Get()
  @GuardedOperation({ summary: 'List reports', anyRoles: ['reader', 'admin'] })
  list(): { ok: true } {
    return { ok: true };
  }

  @Get('audit')
  @GuardedOperation({
    summary: 'Read the audit trail',
    description: 'Newest first.',
    allRoles: ['reader', 'auditor'],
  })
  audit(): { ok: true } {
    return { ok: true };
  }

  @Get('mine')
  @GuardedOperation({ summary: 'Your reports' })
  mine(): { ok: true } {
    return { ok: true };
  }
}

describe('@GuardedOperation', () => {
  let idp: ServedTestIssuer;
  let app: INestApplication;
  let url: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    idp = await startTestIssuer();
    @Module({
      imports: [ApiAccessModule.forRoot({ issuer: idp.issuer.issuer, clientId: 'target-api' })],
      controllers: [ReportsController],
      providers: [{ provide: APP_GUARD, useExisting: ApiAccessGuard }],
    })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    document = SwaggerModule.createDocument(app, new DocumentBuilder().build());
    await app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await app?.close();
    await idp?.stop();
  });

  it.each([
    ['/reports', ['reader'], 200, undefined],
    ['/reports', ['writer'], 403, 'ERR_ROLE_MISSING'],
    ['/reports/audit', ['reader'], 403, 'ERR_ROLE_MISSING'],
    ['/reports/audit', ['auditor', 'reader'], 200, undefined],
    ['/reports/mine', [], 200, undefined],
  ])('sets the guard: GET %s with roles %j is %i', async (path, roles, status, code) => {
    const reply = await get(`${url}${path}`, { token: idp.issuer.mintToken({ roles }) });
    expect([reply.status, reply.body['code']]).toEqual([status, code]);
  });

  it('writes the OpenAPI operation: summary, the rule, its 401 and 403', () => {
    const operation = (path: string) => {
      const { summary, description, responses } = document.paths[path]!.get!;
      const said = Object.entries(responses).map(([status, r]) => [
        status,
        (r as { description?: string }).description,
      ]);
      return { summary, description, responses: Object.fromEntries(said) };
    };
    const unauthorized = 'No token, or an invalid one: `WWW-Authenticate` and `code` say why';
    expect(operation('/reports')).toEqual({
      summary: 'List reports',
      description: 'Needs any of the roles `reader`, `admin`.',
      responses: {
        '401': unauthorized,
        '403': 'Valid token without any of the roles `reader`, `admin`',
      },
    });
    expect(operation('/reports/audit')).toEqual({
      summary: 'Read the audit trail',
      description: 'Needs both roles `reader` and `auditor`. Newest first.',
      responses: {
        '401': unauthorized,
        '403': 'Valid token without both roles `reader` and `auditor`',
      },
    });
    expect(operation('/reports/mine')).toEqual({
      summary: 'Your reports',
      description: 'Needs no role.',
      responses: { '401': unauthorized },
    });
  });
});
