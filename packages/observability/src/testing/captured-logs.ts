/** One JSON log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

export interface CapturedLogs {
  /** Give it as the logs' `destination`. */
  readonly destination: { write(line: string): void };
  /** Every line written so far, parsed. */
  readonly lines: LogLine[];
  /** Everything written, as written: what a leak check greps. */
  text(): string;
  /** The `msg` of each line at WARN (pino level 40). */
  warnings(): string[];
}

/** Collects a service's JSON log lines in memory, for tests that assert what operators see. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  return {
    destination: {
      write(line: string) {
        raw.push(line);
        lines.push(JSON.parse(line) as LogLine);
      },
    },
    lines,
    text: () => raw.join(''),
    warnings: () => lines.filter((line) => line.level === 40).map((line) => String(line.msg)),
  };
}
