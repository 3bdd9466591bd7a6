import 'reflect-metadata';
import { Controller, Delete, Get, Module, Post, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { parseMatrix } from '../../../src/matrix/index.js';
import { listNestRoutes, matrixCoverage } from '../../../src/matrix/nestjs/index.js';
import {
  AllowedCallers,
  Public,
  RequireAllRoles,
  Roles,
} from '../../../src/server/nestjs/index.js';

@Controller('reports')
@Roles('reader', 'admin')
class ReportsController {
  @Get()
  list(): void {}

  @Post()
  @RequireAllRoles('reader', 'writer')
  create(): void {}

  @Delete(':id')
  @Roles('admin')
  @AllowedCallers('ops-bot')
  remove(): void {}

  helper(): void {}
}

@Controller(['health', 'healthz'])
class HealthController {
  @Get()
  @Public()
  ok(): void {}
}

@Controller()
class RootController {
  @Get('unguarded')
  open(): void {}
}

@Module({ controllers: [ReportsController, HealthController, RootController] })
class AppModule {}

let app: INestApplication;
beforeAll(async () => {
  app = await NestFactory.create(AppModule, { logger: false });
  await app.init();
});
afterAll(() => app.close());

it('lists every route with the requirements the guard will read, handler over class', () => {
  expect(listNestRoutes(app, { globalPrefix: '/api/' })).toEqual([
    {
      name: 'GET /api/reports',
      method: 'GET',
      path: '/api/reports',
      isPublic: false,
      anyRoles: ['reader', 'admin'],
    },
    {
      name: 'POST /api/reports',
      method: 'POST',
      path: '/api/reports',
      isPublic: false,
      anyRoles: ['reader', 'admin'],
      allRoles: ['reader', 'writer'],
    },
    {
      name: 'DELETE /api/reports/{id}',
      method: 'DELETE',
      path: '/api/reports/{id}',
      isPublic: false,
      anyRoles: ['admin'],
      callers: ['ops-bot'],
    },
    { name: 'GET /api/health', method: 'GET', path: '/api/health', isPublic: true },
    { name: 'GET /api/healthz', method: 'GET', path: '/api/healthz', isPublic: true },
    { name: 'GET /api/unguarded', method: 'GET', path: '/api/unguarded', isPublic: false },
  ]);
});

describe('matrixCoverage', () => {
  const MATRIX = `target: http://127.0.0.1:1
audience: target-api
identities:
  reader:    { roles: [reader] }
  writer:    { roles: [reader, writer] }
  no-token:  { token: none }
  ops:       { clientId: ops-bot, secretEnv: OPS_SECRET }
routes:
  - GET /reports
  - POST /reports
  - GET /health
expect:
  reader:    [200, 201, 200]
  writer:    [200, 201, 200]
  no-token:  [401, 401, 401]
  ops:       [200, 403, 200]
`;

  it('finds the missing route, the unguarded route and each contradicted cell, and nothing else', () => {
    const matrix = parseMatrix(MATRIX, 'm.yaml', { env: {} });
    expect(matrixCoverage(matrix, listNestRoutes(app))).toEqual([
      {
        kind: 'contradiction',
        route: 'POST /reports',
        identity: 'reader',
        expected: 201,
        message:
          "reader POST /reports: expected 201, but the route's declared requirements refuse it with 403",
      },
      {
        kind: 'missing-route',
        route: 'DELETE /reports/{id}',
        message: 'DELETE /reports/{id} is guarded but not in the matrix',
      },
      {
        kind: 'contradiction',
        route: 'GET /health',
        identity: 'no-token',
        expected: 401,
        message:
          "no-token GET /health: expected 401, but the route's declared requirements let it through",
      },
      {
        kind: 'unguarded-route',
        route: 'GET /unguarded',
        message: expect.stringContaining('GET /unguarded is neither @Public() nor restricted'),
      },
      {
        kind: 'missing-route',
        route: 'GET /unguarded',
        message: 'GET /unguarded is guarded but not in the matrix',
      },
    ]);
  });
});
