import 'reflect-metadata';
import { Controller, Get, Injectable, Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AxiosInstance } from 'axios';
import { ApiAccessClientModule, ApiAccessTargets } from '../../../src/client/nestjs/index.js';
import { TokenClient } from '../../../src/client/index.js';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from '../support/fake-token-endpoint.js';
import { type FakeTarget, startFakeTarget } from '@cern-sso/testing-support';

/** A service of the app: gets its ready HTTP client for the `reports` target by name. */
@Injectable()
class ReportsClient {
  readonly #reports: AxiosInstance;
  constructor(targets: ApiAccessTargets) {
    this.#reports = targets.get('reports');
  }
  async latest(): Promise<unknown> {
    return (await this.#reports.get('/reports/latest')).data;
  }
}

@Controller()
class ReportsController {
  constructor(private readonly reports: ReportsClient) {}
  @Get('latest')
  latest(): Promise<unknown> {
    return this.reports.latest();
  }
}

describe('ApiAccessClientModule', () => {
  let endpoint: FakeTokenEndpoint;
  let target: FakeTarget;
  const authorizations = () => target.requests.map((request) => request.authorization);
  let app: INestApplication | undefined;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    target = await startFakeTarget();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
    await target.stop();
    await endpoint.stop();
  });

  const options = () => ({
    tokenEndpoint: endpoint.url,
    clientId: 'caller',
    clientSecret: 'caller-secret',
    targets: [{ name: 'reports', audience: 'reports-api', baseURL: target.url }],
  });

  it('forRootAsync: a controller calls a named target through its injected client', async () => {
    @Module({
      imports: [ApiAccessClientModule.forRootAsync({ useFactory: async () => options() })],
      controllers: [ReportsController],
      providers: [ReportsClient],
    })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');

    const response = await fetch(`${await app.getUrl()}/latest`);
    expect(await response.json()).toEqual({ seenToken: endpoint.tokenNumber(1, 'reports-api') });
    expect(authorizations()).toEqual([`Bearer ${endpoint.tokenNumber(1, 'reports-api')}`]);
    expect(endpoint.requests[0]?.form).toMatchObject({
      audience: 'reports-api',
      client_id: 'caller',
    });
  });

  it('applies a target timeout to its HTTP client', async () => {
    const target = {
      name: 'reports',
      audience: 'reports-api',
      baseURL: 'http://127.0.0.1:1',
      timeoutMs: 2500,
    };
    @Module({ imports: [ApiAccessClientModule.forRoot({ ...options(), targets: [target] })] })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.init();
    expect(app.get(ApiAccessTargets).get('reports').defaults.timeout).toBe(2500);
  });

  it('forRoot with isGlobal: other modules inject the TokenClient by its class', async () => {
    @Injectable()
    class UsesClient {
      constructor(readonly client: TokenClient) {}
    }
    @Module({ providers: [UsesClient] })
    class FeatureModule {}
    @Module({
      imports: [ApiAccessClientModule.forRoot({ ...options(), isGlobal: true }), FeatureModule],
    })
    class AppModule {}
    app = await NestFactory.create(AppModule, { logger: false });
    await app.init();

    const token = await app.get(UsesClient).client.getToken('reports-api');
    expect(token).toBe(endpoint.tokenNumber(1, 'reports-api'));
  });

  it.each([
    {
      problem: 'an unknown target name',
      patch: { targets: [] },
      message: 'Invalid option targets: expected a target named "reports", got none',
    },
    {
      problem: 'a bad target URL',
      patch: { targets: [{ name: 'reports', audience: 'r', baseURL: 'nope' }] },
      message: 'Invalid option targets[0].baseURL: expected an http(s) URL, got "nope"',
    },
    {
      problem: 'a negative target timeout',
      patch: { targets: [{ name: 'reports', audience: 'r', baseURL: 'http://x', timeoutMs: -1 }] },
      message: 'Invalid option targets[0].timeoutMs: expected a number >= 0, got -1',
    },
    {
      problem: 'every bad target at once',
      patch: {
        targets: [
          { name: 'reports', audience: '', baseURL: 'http://x', timeoutMs: NaN },
          { name: 'reports', audience: 'r', baseURL: 'http://y' },
          null as never,
        ],
      },
      message:
        'Invalid option targets[0].audience: expected a client id, got ""; ' +
        'targets[0].timeoutMs: expected a number >= 0, got NaN; ' +
        'targets[1].name: expected a unique non-empty name, got "reports"; ' +
        'targets[2]: expected an object, got null',
    },
    {
      problem: 'a bad client option',
      patch: { timeoutMs: -1 },
      message: 'Invalid option timeoutMs: expected a number >= 1, got -1',
    },
    {
      problem: 'a bad target parameter',
      patch: { targetParameters: ['scope' as 'resource'] },
      message:
        'Invalid option targetParameters: expected a non-empty list of distinct "audience", "resource", got ["scope"]',
    },
  ])('fails at bootstrap on $problem', async ({ patch, message }) => {
    @Module({
      imports: [ApiAccessClientModule.forRoot({ ...options(), ...patch })],
      providers: [ReportsClient],
    })
    class AppModule {}
    await expect(
      NestFactory.create(AppModule, { logger: false, abortOnError: false }),
    ).rejects.toMatchObject({
      code: 'ERR_INVALID_OPTION',
      message,
    });
  });
});
