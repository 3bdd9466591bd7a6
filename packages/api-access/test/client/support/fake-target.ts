import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake target API answers to one request. */
export interface TargetAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface FakeTarget {
  url: string;
  /** The Authorization header of every request received, in order. */
  authorizations: (string | undefined)[];
  /** Decides each answer from the bearer token the request carried. */
  answer(decide: (token: string | undefined) => TargetAnswer): void;
  stop(): Promise<void>;
}

/** A protected API over real HTTP on 127.0.0.1, port 0. Answers 200 until told otherwise. */
export async function startFakeTarget(): Promise<FakeTarget> {
  const authorizations: (string | undefined)[] = [];
  let decide = (token: string | undefined): TargetAnswer => ({
    status: 200,
    body: { seenToken: token },
  });
  const server = createServer((req, res) => {
    authorizations.push(req.headers.authorization);
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const { status, headers, body } = decide(token);
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    authorizations,
    answer: (next) => void (decide = next),
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
