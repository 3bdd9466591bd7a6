import 'reflect-metadata';
import { type INestApplication } from '@nestjs/common';
import { useObservability } from '@cern-sso/observability';
import { NestFactory } from '@nestjs/core';
import { BenchAppModule, type BenchAppConfig } from './bench-app.module.js';

/** Builds the bench app (not listening yet): used by main.ts and by the smoke test (`false`: silent). */
export async function createBenchApp(
  config: BenchAppConfig,
  logs?: false,
): Promise<INestApplication> {
  const app = await NestFactory.create(
    BenchAppModule.with(config, logs === false ? { level: 'silent' } : {}),
    { bufferLogs: true, abortOnError: false },
  );
  useObservability(app);
  return app;
}
