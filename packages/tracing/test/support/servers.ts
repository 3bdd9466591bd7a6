import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/** A server on 127.0.0.1, port 0. */
export async function listen(
  handler: (request: IncomingMessage, response: ServerResponse) => void,
): Promise<Listening> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Answers every request with the headers it received, as JSON. */
export function echoHeaders(request: IncomingMessage, response: ServerResponse): void {
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(request.headers));
}

export async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}
