import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestIssuer, type TestIssuerOptions } from './test-issuer.js';

/** How the JWKS endpoint behaves: serving, answering 503, never answering, or refusing connections. */
export type JwksMode = 'up' | 'failing' | 'hanging' | 'down';

/** A TestIssuer whose JWKS is served over HTTP on 127.0.0.1, with switches for outage tests. */
export interface ServedTestIssuer {
  readonly issuer: TestIssuer;
  /** Where the JWKS is served: Keycloak's `${issuer}/protocol/openid-connect/certs` by default. */
  readonly jwksUri: string;
  /** JWKS requests received so far, including failed ones. */
  jwksRequests(): number;
  /** Requests for the OpenID Connect discovery document so far. */
  discoveryRequests(): number;
  /**
   * `failing` answers 503; `hanging` accepts and never answers (timeouts); `down` closes the port
   * (connection refused); `up` serves again.
   */
  setMode(mode: JwksMode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts an issuer at `http://127.0.0.1:<free port>/realms/test`, Keycloak's URL layout, with a
 * discovery document at `<issuer>/.well-known/openid-configuration` naming the JWKS (unless
 * `discovery: false`), so a guard configured with only `issuer` and `clientId` finds its keys.
 * The discovery document follows the JWKS mode too.
 */
export async function startTestIssuer(
  options: Omit<TestIssuerOptions, 'issuer'> & {
    realmPath?: string;
    /** Path of the JWKS under the realm. Default `/protocol/openid-connect/certs`. */
    jwksPath?: string;
    /** Serve the discovery document. Default true. */
    discovery?: boolean;
  } = {},
): Promise<ServedTestIssuer> {
  const realmPath = options.realmPath ?? '/realms/test';
  const certsPath = `${realmPath}${options.jwksPath ?? '/protocol/openid-connect/certs'}`;
  const discoveryPath = `${realmPath}/.well-known/openid-configuration`;
  let requests = 0;
  let discoveries = 0;
  let mode: JwksMode = 'up';
  // Set once the port is known: the issuer URL contains it.
  let issuer: TestIssuer | undefined = undefined;

  const server = createServer((req, res) => {
    const isDiscovery = options.discovery !== false && req.url === discoveryPath;
    if ((req.url !== certsPath && !isDiscovery) || issuer === undefined) {
      res.writeHead(404).end();
      return;
    }
    if (isDiscovery) discoveries += 1;
    else requests += 1;
    if (mode === 'hanging') return; // stop() or setMode('down') closes the socket
    if (mode === 'failing') {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    const document = isDiscovery
      ? { issuer: issuer.issuer, jwks_uri: `http://127.0.0.1:${port}${certsPath}` }
      : issuer.jwks();
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
  });
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  issuer = new TestIssuer({ ...options, issuer: `http://127.0.0.1:${port}${realmPath}` });

  return {
    issuer,
    jwksUri: `http://127.0.0.1:${port}${certsPath}`,
    jwksRequests: () => requests,
    discoveryRequests: () => discoveries,
    async setMode(next) {
      if (next === 'down' && server.listening) await close(server);
      if (next !== 'down' && !server.listening) await listen(server, port);
      mode = next;
    },
    async stop() {
      if (server.listening) await close(server);
    },
  };
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function close(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve, reject) =>
    server.close((error) => (error ? reject(error) : resolve())),
  );
}
