import { type Endpoints } from '../scenario/identity-client.js';
import { type Stack } from '@cern-sso/stack';

/** The emulator's demo registry gives every application the secret `<client id>-secret`. */
export const demoSecretOf = (clientId: string): string => `${clientId}-secret`;

export function endpointsOf(stack: Stack): Endpoints {
  return {
    tokenEndpoint: stack.tokenEndpoint,
    standardTokenEndpoint: stack.standardTokenEndpoint,
    targetUrl: stack.target.url,
    audience: 'target-api',
    authzApiUrl: stack.authzApiUrl,
    secretOf: demoSecretOf,
  };
}
