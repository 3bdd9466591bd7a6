import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Ids are what `id` in a report says: decimal digits, and small enough to be exact numbers. */
const REPORT_ID = /^[0-9]{1,15}$/;

/**
 * A report id from the path: digits only, and the bad value named. Before it, `/reports/1e3`
 * deleted report 1000: the global ValidationPipe's `transform` ran `Number()` on the parameter,
 * so `ParseIntPipe` (which wants `-?\d+`) saw 1000. `ParseIntPipe` also takes `-1`.
 */
@Injectable()
export class ReportIdPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (!REPORT_ID.test(value)) {
      throw new BadRequestException(
        `id: expected digits only (at most 15), got ${JSON.stringify(value)}`,
      );
    }
    return Number(value);
  }
}
