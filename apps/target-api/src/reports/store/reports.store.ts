import { type AuditEntry, type Report } from '../report.js';

/** What a report is created from (the validated request body). */
export interface NewReport {
  title: string;
  body: string;
}

/** `list()` and `trail()` return at most this many entries: the newest, oldest first. */
export const LIST_LIMIT = 1000;

/**
 * Where reports and their audit trail live. One contract, two stores (in memory, PostgreSQL),
 * both run against test/reports-store.contract.ts. It is also the injection token.
 */
export abstract class ReportsStore {
  /** The newest reports (at most LIST_LIMIT), oldest first. */
  abstract list(): Promise<Report[]>;
  /** Stores a report and appends `report.created` to the audit trail, together. */
  abstract create(input: NewReport, by: string): Promise<Report>;
  /** Deletes a report and appends `report.deleted`, together; false when there was none. */
  abstract remove(id: number, by: string): Promise<boolean>;
  /** The newest audit entries (at most LIST_LIMIT), oldest first. */
  abstract trail(): Promise<AuditEntry[]>;
}

/** The store cannot be reached (database down, connection lost): the request may be retried. */
export class ReportsStoreUnavailableError extends Error {
  static readonly code = 'ERR_REPORTS_STORE_UNAVAILABLE';
  readonly code = ReportsStoreUnavailableError.code;
  constructor(what: string, options?: { cause?: unknown }) {
    super(`reports store unavailable: ${what}`, options);
    this.name = 'ReportsStoreUnavailableError';
  }
}
