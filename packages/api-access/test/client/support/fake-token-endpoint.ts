import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * One scripted answer: a status and body, or a connection dropped without answer. There is no
 * "never answer": a timeout test against a server races the timer; see unanswered-http.ts.
 */
export type ScriptedResponse =
  | { status: number; body?: unknown; headers?: Record<string, string>; hold?: Promise<void> }
  | 'drop';

export interface ReceivedTokenRequest {
  headers: IncomingHttpHeaders;
  form: Record<string, string>;
}

export interface FakeTokenEndpoint {
  url: string;
  /** Every request received, in order: the tests count these, at the server. */
  requests: ReceivedTokenRequest[];
  /** Queues answers; once the queue is empty every request gets a fresh valid token. */
  script(...responses: ScriptedResponse[]): void;
  /** The token the n-th successful default answer carries (1-based). */
  tokenNumber(n: number): string;
  /** Stops the server; rejects if scripted answers were never asked for (the test is wrong). */
  stop(): Promise<void>;
}

/** A scripted OAuth token endpoint over real HTTP on 127.0.0.1, port 0. */
export async function startFakeTokenEndpoint(expiresIn = 1200): Promise<FakeTokenEndpoint> {
  const queue: ScriptedResponse[] = [];
  const requests: ReceivedTokenRequest[] = [];
  const tokenNumber = (n: number) => `fake-access-token-${n}`;
  let issued = 0;

  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      requests.push({ headers: req.headers, form: Object.fromEntries(new URLSearchParams(body)) });
      const next = queue.shift() ?? {
        status: 200,
        body: { access_token: tokenNumber(++issued), expires_in: expiresIn, token_type: 'Bearer' },
      };
      if (next === 'drop') return void req.socket.destroy();
      void (next.hold ?? Promise.resolve()).then(() => answer(res, next));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/auth/realms/cern/api-access/token`,
    requests,
    script: (...responses) => queue.push(...responses),
    tokenNumber,
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      const unused = queue.splice(0);
      if (unused.length) throw new Error(`${unused.length} scripted answer(s) never requested`);
    },
  };
}

function answer(
  res: ServerResponse,
  { status, body, headers }: { status: number; body?: unknown; headers?: Record<string, string> },
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body ?? {});
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}
