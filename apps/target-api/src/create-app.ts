import 'reflect-metadata';
import { type INestApplication, type LoggerService, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { type TargetApiConfig } from './config/env.schema.js';

/** Builds target-api (not listening yet): used by main.ts and by the tests. */
export async function createApp(
  config: TargetApiConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.with(config), {
    logger: logger ?? undefined,
    abortOnError: false,
  });
  app.useGlobalPipes(
    new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }),
  );
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
