import { createServer } from 'node:net';

/**
 * A port free on 127.0.0.1 right now, for programs that cannot listen on port 0 and report the
 * port they got (PostgreSQL, nginx). Ours listen on 0; prefer that whenever it is possible.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}
