import { type INestApplication } from '@nestjs/common';
import { startTestIssuer, type ServedTestIssuer } from '@cern-sso/api-access/testing';
import { readTargetApiEnv } from '../src/config/env.schema.js';
import { createApp } from '../src/create-app.js';

export interface RunningTargetApi {
  app: INestApplication;
  url: string;
  sso: ServedTestIssuer;
  /** A token for target-api from the test issuer, with these roles. */
  tokenWith(roles: string[], claims?: Record<string, unknown>): string;
  close(): Promise<void>;
}

/**
 * target-api on a free port, trusting an in-process test issuer: no identity provider needed.
 * `env` adds to its environment (e.g. DATABASE_URL).
 */
export async function startTargetApi(env: Record<string, string> = {}): Promise<RunningTargetApi> {
  const sso = await startTestIssuer();
  const app = await createApp(readTargetApiEnv({ SSO_ISSUER: sso.issuer.issuer, ...env }), false);
  await app.listen(0, '127.0.0.1');
  return {
    app,
    url: await app.getUrl(),
    sso,
    tokenWith: (roles, claims) => sso.issuer.mintToken({ roles, ...(claims ? { claims } : {}) }),
    close: async () => {
      await app.close();
      await sso.stop();
    },
  };
}
