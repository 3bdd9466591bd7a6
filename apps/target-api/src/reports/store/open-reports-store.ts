import { Logger } from '@nestjs/common';
import { type TargetApiConfig } from '../../config/env.schema.js';
import { MemoryReportsStore } from './memory-reports.store.js';
import { PostgresReportsStore } from './postgres-reports.store.js';
import { type ReportsStore } from './reports.store.js';

const logger = new Logger('ReportsStore');

/** PostgreSQL when DATABASE_URL is set (migrated before the app serves), else memory. */
export async function openReportsStore(config: TargetApiConfig): Promise<ReportsStore> {
  if (!config.DATABASE_URL) {
    logger.log('reports in memory: each replica has its own (set DATABASE_URL to share them)');
    return new MemoryReportsStore();
  }
  const { host, pathname } = new URL(config.DATABASE_URL);
  const store = await PostgresReportsStore.connect({
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    onIdleError: (error) => logger.warn(`an idle database connection broke: ${error.message}`),
  });
  // Host and database only: the URL's password never reaches a log.
  logger.log(`reports in PostgreSQL at ${host}${pathname}, schema up to date`);
  return store;
}
