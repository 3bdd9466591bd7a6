import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TrivialServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Answers every request with 200 `ok` at once: the target when only the caller is measured. */
export async function startTrivialServer(): Promise<TrivialServer> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
