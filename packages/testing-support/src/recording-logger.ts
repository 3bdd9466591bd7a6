type Level = 'log' | 'error' | 'warn' | 'debug' | 'verbose' | 'fatal';

/**
 * A Nest logger (it has LoggerService's methods) that records `[level, context, message]` lines,
 * so a test asserts what an operator would see, and that no secret is in it.
 */
export class RecordingLogger {
  readonly lines: [level: Level, context: string, message: string][] = [];

  /** The messages logged at WARN, in order. */
  get warnings(): string[] {
    return this.lines.filter(([level]) => level === 'warn').map(([, , message]) => message);
  }

  log(message: unknown, ...context: unknown[]): void {
    this.record('log', message, context);
  }
  // Nest passes `error(message, stack?, context?)`: the context is the last argument.
  error(message: unknown, ...context: unknown[]): void {
    this.record('error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.record('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.record('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.record('verbose', message, context);
  }
  fatal(message: unknown, ...context: unknown[]): void {
    this.record('fatal', message, context);
  }

  private record(level: Level, message: unknown, rest: unknown[]): void {
    const context = rest.at(-1);
    this.lines.push([level, typeof context === 'string' ? context : '', String(message)]);
  }
}
