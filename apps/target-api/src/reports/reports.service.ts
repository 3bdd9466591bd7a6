import {
  Inject,
  Injectable,
  Logger,
  NotFoundException,
  ServiceUnavailableException,
} from '@nestjs/common';
import { type AuditEntry, type Report } from './report.js';
import { type CreateReportDto } from './create-report.dto.js';
import { ReportsStore, ReportsStoreUnavailableError } from './store/reports.store.js';

/** Reports and their audit trail, in whichever store this replica was given. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(@Inject(ReportsStore) private readonly store: ReportsStore) {}

  list(): Promise<Report[]> {
    return this.available(() => this.store.list());
  }

  create(input: CreateReportDto, by: string): Promise<Report> {
    return this.available(() => this.store.create({ title: input.title, body: input.body }, by));
  }

  async remove(id: number, by: string): Promise<void> {
    if (!(await this.available(() => this.store.remove(id, by)))) {
      throw new NotFoundException(`report ${id} does not exist`);
    }
  }

  trail(): Promise<AuditEntry[]> {
    return this.available(() => this.store.trail());
  }

  /** A store that cannot be reached is a 503 the client may retry, not a 500. */
  private async available<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof ReportsStoreUnavailableError) {
        this.logger.warn(`${error.code}: ${error.message}`);
        throw new ServiceUnavailableException({
          statusCode: 503,
          error: 'store_unavailable',
          message: 'the reports database cannot be reached; retry later',
        });
      }
      throw error;
    }
  }
}
