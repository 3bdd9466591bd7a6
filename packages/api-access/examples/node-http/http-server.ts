// A plain Node `http` server guarded with the verifier alone: no framework, no passport.
// An app imports `@cern-sso/api-access/server`; this example imports the package source.
import { createServer, type Server, type ServerResponse } from 'node:http';
import {
  AccessTokenVerifier,
  authorize,
  readBearerToken,
  RefusalError,
  toHttpRefusal,
  type AccessRequirements,
} from '../../src/server/index.js';

/** `public` needs no token; otherwise the route's requirements. The Nest test app's routes. */
const ROUTES: Readonly<Record<string, AccessRequirements | 'public'>> = {
  '/items': { anyRoles: ['reader'] },
  '/items/admin': { anyRoles: ['admin'] },
  '/items/write-and-read': { allRoles: ['reader', 'writer'] },
  '/items/ops-only': { callers: ['ops-bot'], anyRoles: ['admin'] },
  '/items/health': 'public',
  '/items/me': { anyRoles: ['reader'] },
  '/any-token': {},
  '/open': 'public',
  '/open/protected': {},
};

export function createHttpServer(verifier: AccessTokenVerifier): Server {
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    const route = ROUTES[path];
    if (route === undefined || request.method !== 'GET') return send(response, 404, { ok: false });
    if (route === 'public') return send(response, 200, { ok: true });
    guard(request.headers.authorization, route).then(
      (principal) => {
        const { clientId, subject, audience, roles, tokenId, isApplication, expiresAt } = principal;
        const me = { clientId, subject, audience, roles, tokenId, isApplication, expiresAt };
        send(response, 200, path === '/items/me' ? me : { ok: true });
      },
      (error: unknown) => {
        if (!(error instanceof RefusalError)) return send(response, 500, { ok: false });
        const { status, headers, body } = toHttpRefusal(error, verifier.options.realm);
        send(response, status, body, headers);
      },
    );
  });

  /** The principal of a request that meets the route's requirements, or a RefusalError. */
  async function guard(authorization: string | undefined, route: AccessRequirements) {
    const principal = await verifier.verify(readBearerToken(authorization));
    authorize(principal, route, verifier.options.allowedCallers);
    return principal;
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: object,
  headers: Readonly<Record<string, string>> = {},
): void {
  response.writeHead(status, { ...headers, 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}
