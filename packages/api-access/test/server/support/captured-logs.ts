import type { LoggerService } from '@nestjs/common';

/** A Nest logger that records `[level, context, message]` lines for assertions. */
export class CapturedLogs implements LoggerService {
  readonly lines: [level: string, context: string, message: string][] = [];

  log(message: unknown, context?: string): void {
    this.record('log', message, context);
  }
  warn(message: unknown, context?: string): void {
    this.record('warn', message, context);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.record('error', message, rest.at(-1) as string | undefined);
  }

  private record(level: string, message: unknown, context: string | undefined): void {
    this.lines.push([level, context ?? '', String(message)]);
  }
}
