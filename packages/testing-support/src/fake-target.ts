import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake target received it. */
export interface ReceivedRequest {
  method: string;
  url: string;
  authorization: string | undefined;
}

/** A scripted answer, decided from the request's bearer token. */
export interface TargetAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeTarget {
  url: string;
  /** Every request received, in order. */
  requests: ReceivedRequest[];
  /**
   * Answers each request once its body has arrived; replace it to script the target (one that
   * never answers tests a timeout). Default: 200 with `{ seenToken }`, the bearer token it got.
   */
  respond: (request: IncomingMessage, response: ServerResponse) => void;
  stop(): Promise<void>;
}

/** A `respond` that answers JSON, decided from the bearer token alone. */
export function answerJson(
  decide: (token: string | undefined) => TargetAnswer,
): FakeTarget['respond'] {
  return (request, response) => {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const { status, headers, body } = decide(token);
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body ?? {}));
  };
}

/** A protected API over real HTTP on 127.0.0.1, port 0, that records what it is sent. */
export async function startFakeTarget(): Promise<FakeTarget> {
  const server = createServer((request, response) => {
    target.requests.push({
      method: request.method ?? '',
      url: request.url ?? '',
      authorization: request.headers.authorization,
    });
    request.resume();
    request.on('end', () => target.respond(request, response));
  });
  const target: FakeTarget = {
    url: '',
    requests: [],
    respond: answerJson((token) => ({ status: 200, body: { seenToken: token } })),
    stop: () => {
      // A scripted target may hold a request unanswered: end it rather than wait for it.
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  target.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return target;
}
