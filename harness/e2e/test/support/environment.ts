import { startStack, type Stack } from '@cern-sso/stack';
import { demoSecretOf, endpointsOf, type Endpoints } from '../../src/index.js';
import { external, usesRunningServices } from './global-setup.js';

export { usesRunningServices };

/**
 * Where the suite runs: against services already running (docker compose, a deployment) when
 * E2E_SSO_ISSUER, E2E_TARGET_URL and E2E_CALLER_URL are set, otherwise against the built
 * services started here as processes on free ports.
 */
export interface SuiteTarget {
  endpoints: Endpoints;
  callerUrl: string;
  /** Present only when the suite started the services itself (scenarios that stop them need it). */
  stack?: Stack;
  close(): Promise<void>;
}

export async function suiteTarget(): Promise<SuiteTarget> {
  if (usesRunningServices) {
    return {
      endpoints: {
        tokenEndpoint: `${external.issuer}/api-access/token`,
        standardTokenEndpoint: `${external.issuer}/protocol/openid-connect/token`,
        targetUrl: external.targetUrl!,
        audience: 'target-api',
        authzApiUrl:
          external.authzApiUrl ??
          `${external.issuer!.replace(/\/auth\/realms\/[^/]+\/?$/, '')}/api/v1.0`,
        secretOf: demoSecretOf,
      },
      callerUrl: external.callerUrl!,
      close: async () => {},
    };
  }
  const stack = await startStack();
  return {
    endpoints: endpointsOf(stack),
    callerUrl: stack.caller.url,
    stack,
    close: () => stack.stop(),
  };
}
