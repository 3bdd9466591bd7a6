import { type Pool } from 'pg';

/**
 * The schema, one step per entry, applied in order at start and never edited once released:
 * a change is a new entry. Replicas that start together apply each step once (advisory lock).
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'reports and their audit trail',
    sql: `
      create table reports (
        id integer generated always as identity primary key,
        title text not null,
        body text not null,
        created_by text not null,
        created_at timestamptz not null
      );
      create table report_audit (
        id integer generated always as identity primary key,
        action text not null,
        report_id integer not null,
        by_client text not null,
        at timestamptz not null
      );
      insert into reports (title, body, created_by, created_at)
        values ('Welcome', 'A report every reader can list.', 'seed', now());`,
  },
];

/** Any 64-bit number no other application of this database uses for an advisory lock. */
const MIGRATION_LOCK = 2_026_112_920;

/** Applies the migrations this database lacks, in one transaction; returns their versions. */
export async function migrate(pool: Pool): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(
      'create table if not exists schema_migrations (version integer primary key, name text not null, applied_at timestamptz not null default now())',
    );
    const { rows } = await client.query<{ version: number }>(
      'select version from schema_migrations',
    );
    const applied = new Set(rows.map((row) => row.version));
    const pending = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    for (const migration of pending) {
      await client.query(migration.sql);
      await client.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    await client.query('commit');
    return pending.map((migration) => migration.version);
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
