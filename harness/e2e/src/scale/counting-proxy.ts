import { createServer, request } from 'node:http';
import { type AddressInfo } from 'node:net';

/** What one replica asked the SSO, by kind of request. */
export interface SsoRequests {
  tokenRequests: number;
  jwksFetches: number;
}

export interface CountingProxy {
  /** The proxy's origin: the replica uses it in place of the SSO's. */
  url: string;
  counts: SsoRequests;
  stop(): Promise<void>;
}

/**
 * Stands between one replica and the SSO on loopback, forwarding every request unchanged and
 * counting token requests and JWKS fetches, so the report can say what the SSO sees per
 * replica. While the SSO is down it answers 502, as the SSO's own front would.
 */
export async function startCountingProxy(ssoOrigin: () => string): Promise<CountingProxy> {
  const counts: SsoRequests = { tokenRequests: 0, jwksFetches: 0 };
  const server = createServer((incoming, outgoing) => {
    if (incoming.url?.endsWith('/protocol/openid-connect/certs')) counts.jwksFetches += 1;
    if (incoming.url?.endsWith('/token')) counts.tokenRequests += 1;
    const upstream = request(
      `${ssoOrigin()}${incoming.url}`,
      { method: incoming.method, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502);
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    counts,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
