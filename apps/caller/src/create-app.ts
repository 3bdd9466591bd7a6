import 'reflect-metadata';
import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { type CallerConfig } from './config/env.schema.js';

/** Builds the caller (not listening yet): used by main.ts and by the tests. */
export async function createApp(
  config: CallerConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.with(config), {
    logger: logger ?? undefined,
    abortOnError: false,
  });
  app.enableShutdownHooks();
  return app;
}
