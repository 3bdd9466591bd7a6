import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestIssuer, type TestIssuerOptions } from './test-issuer.js';

/** How the JWKS endpoint behaves: serving, answering 503, never answering, or refusing connections. */
export type JwksMode = 'up' | 'failing' | 'hanging' | 'down';

/**
 * A TestIssuer whose JWKS (and a discovery document naming it) is served over HTTP on
 * 127.0.0.1, with switches for outage tests.
 */
export interface ServedTestIssuer {
  readonly issuer: TestIssuer;
  /** `${issuer}/protocol/openid-connect/certs`, the guard's default. */
  readonly jwksUri: string;
  /** JWKS requests received so far, including failed ones. */
  jwksRequests(): number;
  /**
   * `failing` answers 503; `hanging` accepts and never answers (timeouts); `down` closes the port
   * (connection refused); `up` serves again.
   */
  setMode(mode: JwksMode): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts an issuer at `http://127.0.0.1:<free port>/realms/test`, Keycloak's URL layout, so a
 * guard configured with only `issuer` and `clientId` finds its keys.
 */
export async function startTestIssuer(
  options: Omit<TestIssuerOptions, 'issuer'> & { realmPath?: string } = {},
): Promise<ServedTestIssuer> {
  const realmPath = options.realmPath ?? '/realms/test';
  const certsPath = `${realmPath}/protocol/openid-connect/certs`;
  const discoveryPath = `${realmPath}/.well-known/openid-configuration`;
  let requests = 0;
  let mode: JwksMode = 'up';
  // Set once the port is known: the issuer URL contains it.
  let issuer: TestIssuer | undefined = undefined;

  const server = createServer((req, res) => {
    if (req.url === discoveryPath && issuer !== undefined) {
      const discovery = {
        issuer: issuer.issuer,
        jwks_uri: `${issuer.issuer}/protocol/openid-connect/certs`,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery));
      return;
    }
    if (req.url !== certsPath || issuer === undefined) {
      res.writeHead(404).end();
      return;
    }
    requests += 1;
    if (mode === 'hanging') return; // stop() or setMode('down') closes the socket
    if (mode === 'failing') {
      res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"unavailable"}');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(issuer.jwks()));
  });
  await listen(server, 0);
  const port = (server.address() as AddressInfo).port;
  issuer = new TestIssuer({ ...options, issuer: `http://127.0.0.1:${port}${realmPath}` });

  return {
    issuer,
    jwksUri: `${issuer.issuer}/protocol/openid-connect/certs`,
    jwksRequests: () => requests,
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
