import { PostgresCluster, postgresForTests } from '@cern-sso/service-process';
import pg from 'pg';
import { MemoryReportsStore } from '../src/reports/store/memory-reports.store.js';
import { MIGRATIONS } from '../src/reports/store/migrations.js';
import { PostgresReportsStore } from '../src/reports/store/postgres-reports.store.js';
import { ReportsStoreUnavailableError } from '../src/reports/store/reports.store.js';
import { reportsStoreContract } from './reports-store.contract.js';

describe('MemoryReportsStore', () => {
  reportsStoreContract(async (now) => ({
    store: new MemoryReportsStore(now),
    close: async () => {},
  }));
});

const binaries = postgresForTests('PostgresReportsStore');
const withPostgres = binaries ? describe : describe.skip;

withPostgres('PostgresReportsStore (a real PostgreSQL on loopback)', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => (cluster = await PostgresCluster.start(binaries!)), 120_000);
  afterAll(() => cluster?.stop());

  describe('the store contract', () => {
    reportsStoreContract(async (now) => {
      const store = await PostgresReportsStore.connect({
        url: await cluster.createDatabase(),
        now,
      });
      return { store, close: () => store.onApplicationShutdown() };
    });
  });

  it('lets replicas that start together migrate once, and share what they store', async () => {
    const url = await cluster.createDatabase();
    const replicas = await Promise.all(
      [1, 2, 3].map(() => PostgresReportsStore.connect({ url, poolSize: 2 })),
    );
    try {
      const created = await replicas[0]!.create({ title: 'From one', body: '' }, 'caller');
      expect((await replicas[2]!.list()).map((r) => r.title)).toEqual(['Welcome', 'From one']);
      expect(await replicas[1]!.remove(created.id, 'ops-bot')).toBe(true);
      expect(await replicas[2]!.remove(created.id, 'ops-bot')).toBe(false);
      const db = new pg.Client({ connectionString: url });
      await db.connect();
      const { rows } = await db.query('select version from schema_migrations order by version');
      await db.end();
      expect(rows.map((row) => row.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await Promise.all(replicas.map((replica) => replica.onApplicationShutdown()));
    }
  });

  it('fails with ERR_REPORTS_STORE_UNAVAILABLE while the database is down, and recovers', async () => {
    const store = await PostgresReportsStore.connect({ url: await cluster.createDatabase() });
    try {
      await cluster.kill();
      const failure = await store.list().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(ReportsStoreUnavailableError);
      expect(failure).toMatchObject({ code: 'ERR_REPORTS_STORE_UNAVAILABLE' });
      await cluster.restart();
      expect((await store.list()).map((r) => r.title)).toEqual(['Welcome']);
    } finally {
      await store.onApplicationShutdown();
    }
  });

  it('refuses to start when its database does not exist, naming it', async () => {
    const url = `postgres://postgres@127.0.0.1:${cluster.port}/missing_database`;
    await expect(PostgresReportsStore.connect({ url })).rejects.toThrow(
      'database "missing_database" does not exist',
    );
  });
});
