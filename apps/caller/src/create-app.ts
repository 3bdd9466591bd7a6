import 'reflect-metadata';
import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { jsonBody, securityHeaders } from '@cern-sso/http-hardening';
import { traceRequests } from '@cern-sso/tracing';
import { AppModule } from './app.module.js';
import { type CallerConfig } from './config/env.schema.js';
import { refuseCrossSiteWrites } from './http/refuse-cross-site-writes.js';

/** Builds the caller (not listening yet): used by main.ts and by the tests. */
export async function createApp(
  config: CallerConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config), {
    logger: logger ?? undefined,
    abortOnError: false,
    // Nest's default parsers read forms too; the caller reads JSON only (see jsonBody below).
    bodyParser: false,
  });
  // In this order: a span per request when tracing is on, headers on every answer, cross-site
  // writes refused unread, then bounded JSON.
  app.use(traceRequests(), securityHeaders(), refuseCrossSiteWrites, jsonBody());
  app.enableShutdownHooks();
  return app;
}
