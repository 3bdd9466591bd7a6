import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { jsonBody, securityHeaders } from '@cern-sso/http-hardening';
import { traceRequests } from '@cern-sso/tracing';
import { type LogOptions, useObservability } from '@cern-sso/observability';
import { AppModule } from './app.module.js';
import { type CallerConfig } from './config/env.schema.js';
import { refuseCrossSiteWrites } from './http/refuse-cross-site-writes.js';

/**
 * Builds the caller (not listening yet): used by main.ts and by the tests. Logs go to stdout as
 * configured, to `logs` (a test's captured lines), or nowhere with `false`.
 */
export async function createApp(
  config: CallerConfig,
  logs?: LogOptions['destination'] | false,
): Promise<INestApplication> {
  const logOptions: LogOptions =
    logs === false ? { level: 'silent' } : logs === undefined ? {} : { destination: logs };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, logOptions), {
    // Nest's own lines wait for pino, then go through it like every other line.
    bufferLogs: true,
    abortOnError: false,
    // Nest's default parsers read forms too; the caller reads JSON only (see jsonBody below).
    bodyParser: false,
  });
  useObservability(app);
  // In this order: a span per request when tracing is on, headers on every answer, cross-site
  // writes refused unread, then bounded JSON.
  app.use(traceRequests(), securityHeaders(), refuseCrossSiteWrites, jsonBody());
  app.enableShutdownHooks();
  return app;
}
