import 'reflect-metadata';
import {
  Controller,
  Get,
  Logger as NestLogger,
  Module,
  type INestApplication,
} from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  MetricsEndpoint,
  ObservabilityModule,
  useObservability,
  type ObservabilityOptions,
} from '../src/index.js';
import { captureLogs, type CapturedLogs } from '../src/testing/index.js';

@Controller()
class HelloController {
  private readonly logger = new NestLogger('Hello');

  @Get('hello')
  hello(): { ok: true } {
    this.logger.warn('said hello');
    return { ok: true };
  }
}

async function start(
  metrics: ObservabilityOptions['metrics'],
): Promise<{ app: INestApplication; url: string; logs: CapturedLogs }> {
  const logs = captureLogs();
  @Module({
    imports: [ObservabilityModule.forRoot({ logs: { destination: logs.destination }, metrics })],
    controllers: [HelloController],
  })
  class TestModule {}
  const app = await NestFactory.create(TestModule, { bufferLogs: true, abortOnError: false });
  useObservability(app);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl(), logs };
}

describe('ObservabilityModule', () => {
  describe('with /metrics on the app port', () => {
    let running: Awaited<ReturnType<typeof start>>;
    beforeAll(async () => (running = await start({})));
    afterAll(() => running.app.close());

    it('keeps a well-formed X-Request-Id, returns it, and logs every line of the request with it', async () => {
      const response = await fetch(`${running.url}/hello?secret=x`, {
        headers: { 'x-request-id': 'req-42.a:b', authorization: 'Bearer not-for-logs' },
      });
      expect(response.headers.get('x-request-id')).toBe('req-42.a:b');
      const lines = running.logs.lines.filter((line) => line.reqId === 'req-42.a:b');
      expect(lines.map((line) => line.msg)).toEqual(['said hello', 'request completed']);
      expect(lines[1]).toMatchObject({
        req: { method: 'GET', path: '/hello' },
        res: { statusCode: 200 },
      });
      expect(running.logs.text()).not.toContain('not-for-logs');
      expect(running.logs.text()).not.toContain('secret=x');
    });

    it.each([['x'.repeat(129)], ['two words'], ['{"json":1}'], ['line\\nbreak']])(
      'replaces the malformed X-Request-Id %j with a new UUID',
      async (given) => {
        const response = await fetch(`${running.url}/hello`, {
          headers: { 'x-request-id': given },
        });
        expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      },
    );

    it('serves the process metrics at /metrics, outside the app routes, without logging scrapes', async () => {
      const before = running.logs.lines.length;
      const response = await fetch(`${running.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/plain');
      expect(await response.text()).toMatch(/^process_cpu_user_seconds_total \d/m);
      expect(running.logs.lines.length).toBe(before);
    });
  });

  describe('with a bearer secret and a port of its own', () => {
    let running: Awaited<ReturnType<typeof start>>;
    let metricsUrl: string;
    beforeAll(async () => {
      running = await start({ port: 0, bearerSecret: 'scrape-secret-0123456789' });
      metricsUrl = running.app.get(MetricsEndpoint).url!;
    });
    afterAll(() => running.app.close());

    it('answers 401 without the secret and the metrics with it', async () => {
      const refused = await fetch(metricsUrl, { headers: { authorization: 'Bearer wrong' } });
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
      expect(await refused.json()).toMatchObject({ code: 'ERR_METRICS_UNAUTHORIZED' });
      const allowed = await fetch(metricsUrl, {
        headers: { authorization: 'Bearer scrape-secret-0123456789' },
      });
      expect(allowed.status).toBe(200);
    });

    it('no longer serves /metrics on the app port', async () => {
      expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
    });
  });

  it('keeps the logs of two apps in one process apart (tests run several)', async () => {
    const [first, second] = [await start({}), await start({})];
    try {
      await fetch(`${first.url}/hello`, { headers: { 'x-request-id': 'to-first' } });
      await fetch(`${second.url}/hello`, { headers: { 'x-request-id': 'to-second' } });
      expect(
        first.logs.lines.filter((line) => line.reqId !== undefined).map((l) => l.reqId),
      ).toEqual(['to-first', 'to-first']);
      expect(
        second.logs.lines.filter((line) => line.reqId !== undefined).map((l) => l.reqId),
      ).toEqual(['to-second', 'to-second']);
    } finally {
      await first.app.close();
      await second.app.close();
    }
  });

  it('serves no /metrics when metrics are off', async () => {
    const running = await start(false);
    try {
      expect((await fetch(`${running.url}/metrics`)).status).toBe(404);
    } finally {
      await running.app.close();
    }
  });
});
