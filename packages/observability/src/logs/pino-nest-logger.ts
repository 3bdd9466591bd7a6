import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';
import { requestLogger } from './request-context.js';

type Level = 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal';

/**
 * Nest's LoggerService on pino, as nestjs-pino's Logger reads Nest's calls: the last extra
 * argument is the context, an object message adds fields, an Error goes under `err`. A line
 * logged while a request is handled comes from that request's logger, so it carries its id.
 *
 * Why not nestjs-pino itself: its 5.x keeps one pino-http instance per process, made from the
 * first app's options, and this repository's tests run several apps in one process (an
 * emulator and a caller, each with its own log capture). Here each app has its own.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly root: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params);
  }

  private write(level: Level, message: unknown, params: unknown[]): void {
    const logger = requestLogger.getStore() ?? this.root;
    if (!logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = {};
    const last = params.length > 0 ? params[params.length - 1] : undefined;
    if (typeof last === 'string') fields.context = last;
    const rest = typeof last === 'string' ? params.slice(0, -1) : params;
    if (message instanceof Error) {
      logger[level]({ ...fields, err: message }, message.message);
    } else if (typeof message === 'object' && message !== null) {
      logger[level]({ ...fields, ...message }, ...(rest.map(String) as [string]));
    } else if (level === 'error' && typeof rest[0] === 'string' && /\n\s*at /.test(rest[0])) {
      // Nest's exception handlers call error(message, stack, context).
      logger.error(
        { ...fields, err: { message: String(message), stack: rest[0] } },
        String(message),
      );
    } else {
      logger[level](fields, String(message));
    }
  }
}
