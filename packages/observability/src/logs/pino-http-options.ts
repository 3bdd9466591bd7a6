import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream, Level } from 'pino';
import type { Options } from 'pino-http';
import { requestId } from './request-id.js';

export type LogFormat = 'json' | 'pretty';

export interface LogOptions {
  /** Lowest level written, or `silent`. Default `info`. */
  level?: Level | 'silent';
  /** `pretty` is honoured only when stdout is a terminal; anything else gets JSON. Default `json`. */
  format?: LogFormat;
  /** Where JSON lines go (tests capture them). Default: stdout. */
  destination?: DestinationStream;
}

/**
 * pino-http's options for every service. Requests and responses are logged by what identifies
 * them only: method, path without the query, status. Never headers (they carry the bearer
 * token and cookies), never bodies.
 */
export function pinoHttpOptions(options: LogOptions): Options | [Options, DestinationStream] {
  const pretty = options.format === 'pretty' && process.stdout.isTTY === true;
  const http: Options = {
    level: options.level ?? 'info',
    genReqId: requestId,
    // Lines logged during a request carry its id, not a copy of the whole request.
    quietReqLogger: true,
    // A scrape every few seconds is not news.
    autoLogging: { ignore: (request) => request.url === '/metrics' },
    serializers: {
      req: (request: IncomingMessage & { id?: unknown }) => ({
        id: request.id,
        method: request.method,
        path: request.url?.split('?', 1)[0],
      }),
      res: (response: ServerResponse) => ({ statusCode: response.statusCode }),
    },
    ...(pretty && options.destination === undefined
      ? { transport: { target: 'pino-pretty', options: { singleLine: true } } }
      : {}),
  };
  return options.destination === undefined ? http : [http, options.destination];
}
