import axios, { type AxiosInstance } from 'axios';
import { TokenClient, withApiAccess } from '@cern-sso/api-access/client';
import { type Identity } from '../permission-matrix.js';

export interface Endpoints {
  /** API Access endpoint of the SSO. */
  tokenEndpoint: string;
  /** Standard client-credentials endpoint of the SSO. */
  standardTokenEndpoint: string;
  targetUrl: string;
  /** The target's client id. */
  audience: string;
  /** Demo secrets: the emulator registry's `<client id>-secret`. */
  secretOf(clientId: string): string;
}

/** An axios instance for target-api that authenticates as `identity` (or not at all). */
export function clientFor(identity: Identity, endpoints: Endpoints): AxiosInstance {
  const http = axios.create({ baseURL: endpoints.targetUrl, timeout: 10_000 });
  if (identity.token === 'none') return http;
  const client = new TokenClient({
    tokenEndpoint:
      identity.token === 'standard' ? endpoints.standardTokenEndpoint : endpoints.tokenEndpoint,
    clientId: identity.clientId,
    clientSecret: endpoints.secretOf(identity.clientId),
  });
  const audience =
    identity.token === 'api-access'
      ? (identity.audience ?? endpoints.audience)
      : endpoints.audience;
  return withApiAccess(http, { client, audience });
}
