import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import type { ClientMetadata } from 'oidc-provider';
import { memoryAdapter } from './memory-adapter.js';

// oidc-provider 9 supports Node 22+ and says so at import on Node 20, where these tests pass:
// the project supports Node >= 20.19, so that one line is noise in every interop suite.
const { default: Provider, errors } = await withoutWarning(
  'Unsupported runtime',
  () => import('oidc-provider'),
);

/* eslint-disable no-console -- oidc-provider writes to console.warn itself; this filters it. */
async function withoutWarning<T>(text: string, load: () => Promise<T>): Promise<T> {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (!String(args[0]).includes(text)) warn(...args);
  };
  try {
    return await load();
  } finally {
    console.warn = warn;
  }
}
/* eslint-enable no-console */

/** Where an RFC 9068 access token carries the caller's roles in the target (RFC 9068 2.2.3.1). */
export const ROLES_CLAIM = 'roles';

/** Resource servers this provider knows, by resource indicator: who holds which role there. */
export type RoleGrants = Record<string, Record<string, string[]>>;

export interface OidcProviderOptions {
  /** Client id to secret; every client may use client credentials (`client_secret_post`). */
  clients: Record<string, string>;
  /** Resource indicator (also the token's `aud`) to client id to roles. */
  roles: RoleGrants;
}

export interface RunningOidcProvider {
  /** `http://127.0.0.1:<port>`: the `iss` of its tokens. */
  issuer: string;
  tokenEndpoint: string;
  /** Requests to the token endpoint so far, counted at the server. */
  tokenRequests(): number;
  stop(): Promise<void>;
}

/**
 * node-oidc-provider 9 (a certified OpenID Provider) in-process on 127.0.0.1, port 0, set up as
 * an independent API Access: client credentials with RFC 8707 resource indicators, issuing
 * RFC 9068 JWT access tokens (`typ: at+jwt`, `client_id`) with the caller's roles in `roles`.
 * A request without `resource` gets an opaque token, as from any server that ignores `audience`.
 */
export async function startOidcProvider(
  options: OidcProviderOptions,
): Promise<RunningOidcProvider> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // The issuer names the port, so the provider is built once the server is bound.
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = {
    ...(await exportJWK(privateKey)),
    kid: 'interop-1',
    alg: 'RS256',
    use: 'sig',
  };
  const clients: ClientMetadata[] = Object.entries(options.clients).map(([id, secret]) => ({
    client_id: id,
    client_secret: secret,
    grant_types: ['client_credentials'],
    response_types: [],
    redirect_uris: [],
    token_endpoint_auth_method: 'client_secret_post',
  }));

  const provider = new Provider(issuer, {
    adapter: memoryAdapter(),
    clients,
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // No `resource`, no resource server: the token is opaque.
        defaultResource: () => undefined,
        getResourceServerInfo: (_ctx, resource) => {
          if (!(resource in options.roles)) throw new errors.InvalidTarget();
          return {
            audience: resource,
            scope: 'api',
            accessTokenFormat: 'jwt',
            accessTokenTTL: 1200,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    ttl: { ClientCredentials: (_ctx, token) => token.resourceServer?.accessTokenTTL ?? 600 },
    extraTokenClaims: (_ctx, token) => {
      const audience = token.resourceServer?.audience;
      if (typeof audience !== 'string' || !('clientId' in token)) return undefined;
      return { [ROLES_CLAIM]: options.roles[audience]?.[String(token.clientId)] ?? [] };
    },
  });

  let tokenRequests = 0;
  const handle = provider.callback();
  server.on('request', (req, res) => {
    if (req.method === 'POST' && req.url === '/token') tokenRequests += 1;
    void handle(req, res);
  });

  return {
    issuer,
    tokenEndpoint: `${issuer}/token`,
    tokenRequests: () => tokenRequests,
    stop: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
