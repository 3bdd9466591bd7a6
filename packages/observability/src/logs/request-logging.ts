import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { pinoHttpOptions, type LogOptions } from './pino-http-options.js';
import { requestLogger } from './request-context.js';

/**
 * One app's pino-http: logs each request once it completes and gives every line logged while
 * handling it the request id. Mount `middleware` before the routes (`app.use`).
 */
export class RequestLogging {
  readonly http: HttpLogger;

  constructor(options: LogOptions) {
    const built = pinoHttpOptions(options);
    this.http = Array.isArray(built) ? pinoHttp(built[0], built[1]) : pinoHttp(built);
  }

  readonly middleware = (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    this.http(request, response);
    requestLogger.run(request.log, next);
  };
}
