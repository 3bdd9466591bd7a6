import { type INestApplication } from '@nestjs/common';
import { type CapturedLogs } from '@cern-sso/observability/testing';
import { startFakeTarget, type FakeTarget } from '@cern-sso/testing-support';
import { parseEmulatorEnv, startEmulator, type RunningEmulator } from '@cern-sso/sso-emulator';
import { readCallerEnv } from '../src/config/env.schema.js';
import { createApp } from '../src/create-app.js';

/** The emulator in-process on a free port with its defaults (the demo registry), silent. */
export function startTestEmulator(): Promise<RunningEmulator> {
  return startEmulator({ config: parseEmulatorEnv({ PORT: '0' }), logs: false });
}

/** The caller app on a free port with this environment; its log lines go to `logs` if given. */
export async function startCaller(
  env: Record<string, string>,
  logs?: CapturedLogs,
): Promise<{ app: INestApplication; url: string }> {
  const app = await createApp(readCallerEnv(env), logs?.destination ?? false);
  await app.listen(0, '127.0.0.1');
  return { app, url: await app.getUrl() };
}

export interface CallerStack {
  sso: RunningEmulator;
  target: FakeTarget;
  caller: { app: INestApplication; url: string };
  close(): Promise<void>;
}

/** The real emulator, a fake target (set its `respond`) and the caller between them. */
export async function startCallerStack(): Promise<CallerStack> {
  const sso = await startTestEmulator();
  const target = await startFakeTarget();
  const caller = await startCaller({
    SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
    TARGET_API_URL: target.url,
  });
  return {
    sso,
    target,
    caller,
    close: async () => {
      await caller.app.close();
      await target.stop();
      await sso.close();
    },
  };
}
