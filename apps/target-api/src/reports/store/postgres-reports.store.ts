import { type OnApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { type AuditEntry, type Report } from '../report.js';
import { migrate } from './migrations.js';
import {
  LIST_LIMIT,
  type NewReport,
  ReportsStore,
  ReportsStoreUnavailableError,
} from './reports.store.js';

export interface PostgresReportsStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  /** Connections per replica; default 10. */
  poolSize?: number;
  /** The clock that stamps `createdAt` and audit entries; default the system clock. */
  now?: () => Date;
  /** Told about a connection that broke while idle (the pool replaces it). */
  onIdleError?: (error: Error) => void;
}

interface ReportRow {
  id: number;
  title: string;
  body: string;
  created_by: string;
  created_at: Date;
}

/**
 * Reports in PostgreSQL, shared by every replica. `connect()` applies the migrations first, so a
 * replica serves only once the schema is there.
 */
export class PostgresReportsStore extends ReportsStore implements OnApplicationShutdown {
  private constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {
    super();
  }

  static async connect(options: PostgresReportsStoreOptions): Promise<PostgresReportsStore> {
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    // Without a listener, a connection that breaks while idle (database restart) ends the process.
    pool.on('error', (error) => options.onIdleError?.(error));
    const store = new PostgresReportsStore(pool, options.now ?? (() => new Date()));
    try {
      await store.unavailableOnConnectionLoss('migrate', () => migrate(pool));
    } catch (error) {
      await pool.end();
      throw error;
    }
    return store;
  }

  list(): Promise<Report[]> {
    return this.unavailableOnConnectionLoss('list', async () => {
      const { rows } = await this.pool.query<ReportRow>(
        'select * from (select * from reports order by id desc limit $1) newest order by id',
        [LIST_LIMIT],
      );
      return rows.map(toReport);
    });
  }

  create(input: NewReport, by: string): Promise<Report> {
    return this.unavailableOnConnectionLoss('create', async () => {
      const at = this.now();
      // One statement, so the report and its audit entry are written together or not at all.
      const { rows } = await this.pool.query<ReportRow>(
        `with created as (
           insert into reports (title, body, created_by, created_at) values ($1, $2, $3, $4)
           returning *
         ), audited as (
           insert into report_audit (action, report_id, by_client, at)
           select 'report.created', id, created_by, created_at from created
         )
         select * from created`,
        [input.title, input.body, by, at],
      );
      return toReport(rows[0]!);
    });
  }

  remove(id: number, by: string): Promise<boolean> {
    return this.unavailableOnConnectionLoss('remove', async () => {
      const { rowCount } = await this.pool.query(
        `with deleted as (delete from reports where id = $1 returning id)
         insert into report_audit (action, report_id, by_client, at)
         select 'report.deleted', id, $2, $3 from deleted`,
        [id, by, this.now()],
      );
      return rowCount === 1;
    });
  }

  trail(): Promise<AuditEntry[]> {
    return this.unavailableOnConnectionLoss('trail', async () => {
      const { rows } = await this.pool.query<{
        action: string;
        report_id: number;
        by_client: string;
        at: Date;
      }>(
        'select * from (select * from report_audit order by id desc limit $1) newest order by id',
        [LIST_LIMIT],
      );
      return rows.map((row) => ({
        action: row.action,
        reportId: row.report_id,
        by: row.by_client,
        at: row.at.toISOString(),
      }));
    });
  }

  /** Closes the pool when Nest shuts down (SIGTERM), after in-flight requests. */
  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  /**
   * A lost or refused connection becomes ReportsStoreUnavailableError (a 503 to the client);
   * an error the server answered for any other reason (a bug) stays what it is.
   */
  private async unavailableOnConnectionLoss<T>(operation: string, run: () => Promise<T>) {
    try {
      return await run();
    } catch (error) {
      if (isConnectionLoss(error)) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new ReportsStoreUnavailableError(`${operation}: ${reason}`, { cause: error });
      }
      throw error;
    }
  }
}

function toReport(row: ReportRow): Report {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * SQLSTATE classes 08 (connection exception) and 57P (shutdown, cannot connect now), or no
 * SQLSTATE at all (a socket error such as ECONNREFUSED, or "Connection terminated").
 */
function isConnectionLoss(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return true;
  return code.startsWith('08') || code.startsWith('57P');
}
