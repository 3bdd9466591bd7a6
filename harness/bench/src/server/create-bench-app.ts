import 'reflect-metadata';
import { type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BenchAppModule, type BenchAppConfig } from './bench-app.module.js';

/** Builds the bench app (not listening yet): used by main.ts and by the smoke test. */
export function createBenchApp(
  config: BenchAppConfig,
  logger?: LoggerService | false,
): Promise<INestApplication> {
  return NestFactory.create(BenchAppModule.with(config), {
    logger: logger ?? undefined,
    abortOnError: false,
  });
}
