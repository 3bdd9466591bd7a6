import { Injectable, NotFoundException } from '@nestjs/common';
import { type AuditEntry, type Report } from './report.js';
import { type CreateReportDto } from './create-report.dto.js';

/** In-memory reports and their audit trail: enough state to show who may do what. */
@Injectable()
export class ReportsService {
  private readonly reports = new Map<number, Report>();
  private readonly audit: AuditEntry[] = [];
  private nextId = 1;

  constructor() {
    this.store({ title: 'Welcome', body: 'A report every reader can list.' }, 'seed');
  }

  list(): Report[] {
    return [...this.reports.values()];
  }

  create(input: CreateReportDto, by: string): Report {
    const report = this.store(input, by);
    this.record('report.created', report.id, by);
    return report;
  }

  remove(id: number, by: string): void {
    if (!this.reports.delete(id)) throw new NotFoundException(`report ${id} does not exist`);
    this.record('report.deleted', id, by);
  }

  trail(): AuditEntry[] {
    return [...this.audit];
  }

  private store(input: CreateReportDto, by: string): Report {
    const report = {
      id: this.nextId++,
      title: input.title,
      body: input.body ?? '',
      createdBy: by,
      createdAt: new Date().toISOString(),
    };
    this.reports.set(report.id, report);
    // Bounded like the audit trail: drop the oldest (Map keeps insertion order).
    if (this.reports.size > 1000) this.reports.delete(this.reports.keys().next().value!);
    return report;
  }

  private record(action: string, reportId: number, by: string): void {
    this.audit.push({ action, reportId, by, at: new Date().toISOString() });
    // Bounded: a demo that runs for days must not grow without limit.
    if (this.audit.length > 1000) this.audit.shift();
  }
}
