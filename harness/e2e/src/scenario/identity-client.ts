import axios, { type AxiosInstance } from 'axios';
import { TokenClient, withApiAccess } from '@cern-sso/api-access/client';
import { type Identity } from '@cern-sso/demo-scenario';

export interface Endpoints {
  /** API Access endpoint of the SSO. */
  tokenEndpoint: string;
  /** Standard client-credentials endpoint of the SSO. */
  standardTokenEndpoint: string;
  targetUrl: string;
  /** The target's client id. */
  audience: string;
  /** The Authorization Service API's base URL, e.g. http://localhost:8080/api/v1.0. */
  authzApiUrl: string;
  /** Demo secrets: the emulator registry's `<client id>-secret`. */
  secretOf(clientId: string): string;
}

/** The Authorization Service API's client id: the audience of tokens it accepts. */
export const AUTHZ_API_AUDIENCE = 'authorization-service-api';

/** An axios instance for target-api that authenticates as `identity` (or not at all). */
export function clientFor(identity: Identity, endpoints: Endpoints): AxiosInstance {
  return authenticated(identity, endpoints, endpoints.targetUrl, endpoints.audience);
}

/** The same identity, calling the Authorization Service API instead. */
export function authzClientFor(identity: Identity, endpoints: Endpoints): AxiosInstance {
  return authenticated(identity, endpoints, endpoints.authzApiUrl, AUTHZ_API_AUDIENCE);
}

function authenticated(
  identity: Identity,
  endpoints: Endpoints,
  baseURL: string,
  apiAudience: string,
): AxiosInstance {
  const http = axios.create({ baseURL, timeout: 10_000 });
  if (identity.token === 'none') return http;
  const standard = identity.token === 'standard';
  const client = new TokenClient({
    tokenEndpoint: standard ? endpoints.standardTokenEndpoint : endpoints.tokenEndpoint,
    clientId: identity.clientId,
    clientSecret: endpoints.secretOf(identity.clientId),
    // The client would refuse this token itself (it has no `aud`): the demo shows the target's refusal.
    checkTokenAudience: !standard,
  });
  // An identity that names its own audience keeps it: it shows a token addressed elsewhere.
  const audience =
    identity.token === 'api-access' ? (identity.audience ?? apiAudience) : apiAudience;
  return withApiAccess(http, { client, audience });
}
