import 'reflect-metadata';
import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { jsonBody, securityHeaders } from '@cern-sso/http-hardening';
import { traceRequests } from '@cern-sso/tracing';
import { type LogOptions, useObservability } from '@cern-sso/observability';
import { AppModule } from './app.module.js';
import { type TargetApiConfig } from './config/env.schema.js';
import { DOCS_CSP } from './http/docs-csp.js';

/**
 * Builds target-api (not listening yet): used by main.ts and by the tests. Logs go to stdout as
 * configured, to `logs` (a test's captured lines), or nowhere with `false`.
 */
export async function createApp(
  config: TargetApiConfig,
  logs?: LogOptions['destination'] | false,
): Promise<INestApplication> {
  const logOptions: LogOptions =
    logs === false ? { level: 'silent' } : logs === undefined ? {} : { destination: logs };
  const app = await NestFactory.create<NestExpressApplication>(AppModule.with(config, logOptions), {
    // Nest's own lines wait for pino, then go through it like every other line.
    bufferLogs: true,
    abortOnError: false,
    // Nest's default parsers read forms too and have no depth limit; jsonBody below replaces them.
    bodyParser: false,
  });
  useObservability(app);
  // A span per request when tracing is on, first so that refusals are traced too: the guard
  // puts its decision on it.
  app.use(traceRequests(), securityHeaders(DOCS_CSP), jsonBody());
  // No `transform`: it also converts path parameters with Number(), so `/reports/1e3` would reach
  // the handler as 1000 before ReportIdPipe could refuse it. Handlers get the validated JSON.
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('target-api')
      .setDescription(
        `Accepts CERN SSO API Access tokens whose \`aud\` is \`${config.API_CLIENT_ID}\`, issued by \`${config.SSO_ISSUER}\`. ` +
          'Each route says which roles (`cern_roles`) it needs.',
      )
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
      .build(),
  );
  SwaggerModule.setup('docs', app, document);
  return app;
}
