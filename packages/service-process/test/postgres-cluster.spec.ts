import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { PostgresCluster, findPostgresBinaries, postgresForTests } from '../src/index.js';

const binaries = postgresForTests('PostgresCluster');
const withPostgres = binaries ? describe : describe.skip;

withPostgres('PostgresCluster', () => {
  let cluster: PostgresCluster;
  beforeAll(async () => (cluster = await PostgresCluster.start(binaries!)));
  afterAll(() => cluster?.stop());

  const psql = (url: string, sql: string) =>
    execFileSync(join(binaries!, 'psql'), ['-At', '-d', url, '-c', sql]).toString().trim();

  it('listens on loopback and keeps committed data across a SIGKILL and a restart', async () => {
    const url = await cluster.createDatabase();
    expect(new URL(url).hostname).toBe('127.0.0.1');
    psql(url, 'create table t (n int); insert into t values (42)');
    await cluster.kill();
    await cluster.restart();
    expect(psql(url, 'select n from t')).toBe('42');
  });

  it('gives each test its own empty database', async () => {
    const first = await cluster.createDatabase();
    const second = await cluster.createDatabase();
    expect(first).not.toBe(second);
    expect(psql(second, "select count(*) from pg_tables where schemaname = 'public'")).toBe('0');
  });
});

describe('findPostgresBinaries', () => {
  it('takes PG_BIN_DIR when it holds initdb, and nothing otherwise', () => {
    expect(findPostgresBinaries({ PG_BIN_DIR: '/nonexistent' })).toBeUndefined();
    if (binaries) expect(findPostgresBinaries({ PG_BIN_DIR: binaries })).toBe(binaries);
  });

  it('fails instead of skipping when REQUIRE_POSTGRES=1 and PostgreSQL is absent', () => {
    expect(() =>
      postgresForTests('demo', { PG_BIN_DIR: '/nonexistent', REQUIRE_POSTGRES: '1' }),
    ).toThrow(/demo: no PostgreSQL server binaries.*REQUIRE_POSTGRES=1/);
  });
});
