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
  /** The first line, already written or still to come, that `matches`. */
  waitFor(matches: (line: LogLine) => boolean): Promise<LogLine>;
}

/** Collects a service's JSON log lines in memory, for tests that assert what operators see. */
export function captureLogs(): CapturedLogs {
  const raw: string[] = [];
  const lines: LogLine[] = [];
  const waiting = new Set<(line: LogLine) => void>();
  return {
    destination: {
      write(text: string) {
        raw.push(text);
        const line = JSON.parse(text) as LogLine;
        lines.push(line);
        for (const notify of waiting) notify(line);
      },
    },
    lines,
    text: () => raw.join(''),
    warnings: () => lines.filter((line) => line.level === 40).map((line) => String(line.msg)),
    waitFor: (matches) => {
      const seen = lines.find(matches);
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const notify = (line: LogLine) => {
          if (!matches(line)) return;
          waiting.delete(notify);
          resolve(line);
        };
        waiting.add(notify);
      });
    },
  };
}
