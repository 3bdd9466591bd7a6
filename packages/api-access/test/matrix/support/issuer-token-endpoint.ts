import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TestIssuer } from '../../../src/testing/index.js';

/** A registered application of the in-process SSO: its secret and its roles in any target. */
export interface RegisteredClient {
  secret: string;
  roles: readonly string[];
}

export interface IssuerTokenEndpoint {
  /** `http://127.0.0.1:<port>/token`. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * An API Access token endpoint on 127.0.0.1:0 that signs with a TestIssuer: client credentials in
 * the form, `audience` required, the client's roles in the token. The in-process stand-in for the
 * SSO when a test needs `clientId/secretEnv` identities, e.g. through the CLI in a child process.
 */
export async function startIssuerTokenEndpoint(
  issuer: TestIssuer,
  clients: Readonly<Record<string, RegisteredClient>>,
): Promise<IssuerTokenEndpoint> {
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    const answer = (status: number, body: object) =>
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const clientId = form.get('client_id') ?? '';
    const client = clients[clientId];
    if (request.url !== '/token' || form.get('grant_type') !== 'client_credentials') {
      return answer(400, { error: 'invalid_request' });
    }
    if (client === undefined || client.secret !== form.get('client_secret')) {
      return answer(401, {
        error: 'invalid_client',
        error_description: 'Invalid client credentials',
      });
    }
    const audience = form.get('audience');
    if (!audience)
      return answer(400, { error: 'invalid_request', error_description: 'missing audience' });
    const token = issuer.mintToken({ aud: audience, azp: clientId, roles: client.roles });
    return answer(200, { access_token: token, token_type: 'Bearer', expires_in: 1200 });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/token`,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
