import { type INestApplication } from '@nestjs/common';
import {
  startTestIssuer,
  type JwksMode,
  type ServedTestIssuer,
} from '@cern-sso/api-access/testing';
import { type CapturedLogs } from '@cern-sso/observability/testing';
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

export interface TargetApiOptions {
  /** Environment beyond SSO_ISSUER (the test issuer's), computed from the running issuer. */
  env?: (sso: ServedTestIssuer) => Record<string, string>;
  /** How the issuer's JWKS behaves while target-api starts. Default `up`. */
  jwks?: JwksMode;
  /** Where target-api's JSON log lines go (see captureLogs); default: nowhere. */
  logs?: CapturedLogs;
}

/** target-api on a free port, trusting an in-process test issuer: no identity provider needed. */
export async function startTargetApi(options: TargetApiOptions = {}): Promise<RunningTargetApi> {
  const sso = await startTestIssuer();
  if (options.jwks) await sso.setMode(options.jwks);
  const env = { SSO_ISSUER: sso.issuer.issuer, ...options.env?.(sso) };
  const app = await createApp(readTargetApiEnv(env), options.logs?.destination ?? false);
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
