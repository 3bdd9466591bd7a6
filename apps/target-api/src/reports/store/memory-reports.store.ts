import { type AuditEntry, type Report } from '../report.js';
import { LIST_LIMIT, type NewReport, ReportsStore } from './reports.store.js';

/**
 * Reports in this process's memory: the default, for the demo and for one replica. Bounded, so a
 * demo that runs for days does not grow without limit. Replicas each see their own reports; set
 * DATABASE_URL to share them (PostgresReportsStore).
 */
export class MemoryReportsStore extends ReportsStore {
  private readonly reports = new Map<number, Report>();
  private readonly audit: AuditEntry[] = [];
  private nextId = 1;

  /** @param now the clock that stamps `createdAt` and audit entries */
  constructor(private readonly now: () => Date = () => new Date()) {
    super();
    this.store({ title: 'Welcome', body: 'A report every reader can list.' }, 'seed');
  }

  async list(): Promise<Report[]> {
    return [...this.reports.values()];
  }

  async create(input: NewReport, by: string): Promise<Report> {
    const report = this.store(input, by);
    this.record('report.created', report.id, by);
    return report;
  }

  async remove(id: number, by: string): Promise<boolean> {
    if (!this.reports.delete(id)) return false;
    this.record('report.deleted', id, by);
    return true;
  }

  async trail(): Promise<AuditEntry[]> {
    return [...this.audit];
  }

  private store(input: NewReport, by: string): Report {
    const id = this.nextId++;
    const report = { id, ...input, createdBy: by, createdAt: this.now().toISOString() };
    this.reports.set(id, report);
    // Map keeps insertion order: the first key is the oldest.
    if (this.reports.size > LIST_LIMIT) this.reports.delete(this.reports.keys().next().value!);
    return report;
  }

  private record(action: string, reportId: number, by: string): void {
    this.audit.push({ action, reportId, by, at: this.now().toISOString() });
    if (this.audit.length > LIST_LIMIT) this.audit.shift();
  }
}
