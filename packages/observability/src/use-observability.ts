import type { INestApplication } from '@nestjs/common';
import { PinoNestLogger } from './logs/pino-nest-logger.js';
import { RequestLogging } from './logs/request-logging.js';

/**
 * Call right after `NestFactory.create(..., { bufferLogs: true })`: Nest's lines go through pino
 * from now on (the buffered start-up lines too), and every request is logged with its id.
 */
export function useObservability(app: INestApplication): void {
  app.useLogger(app.get(PinoNestLogger));
  app.use(app.get(RequestLogging).middleware);
}
