import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** Ids are what `id` in a report says: decimal digits, and small enough to be exact numbers. */
const REPORT_ID = /^[0-9]{1,15}$/;

/**
 * A report id from the path. Nest's `ParseIntPipe` takes anything `Number()` reads as an integer
 * (`1e3` is 1000, `0x10` is 16), so an id in a log or an audit entry could differ from the one
 * sent; this pipe accepts digits only and names the bad value.
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
