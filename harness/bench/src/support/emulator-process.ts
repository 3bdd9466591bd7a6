import { startEmulatorProcess as startEmulator } from '@cern-sso/stack';

/** The built SSO emulator as its own process, so its RSA signing never runs on our event loop. */
export interface EmulatorProcess {
  /** `iss` of its tokens (the emulator's default public URL: http://localhost:<port>). */
  readonly issuer: string;
  readonly tokenEndpoint: string;
  /** API Access token requests received so far (`GET /admin/stats`). */
  tokenRequests(): Promise<number>;
  stop(): Promise<void>;
}

/** The emulator as the one launcher (`@cern-sso/stack`) starts it, seen as the bench needs it. */
export async function startEmulatorProcess(tokenLifetimeSec = 1200): Promise<EmulatorProcess> {
  const emulator = await startEmulator({
    env: { SSO_TOKEN_LIFETIME: String(tokenLifetimeSec) },
  });
  return {
    issuer: emulator.issuer,
    // Straight to the address it listens on: no localhost lookup in the measured calls.
    tokenEndpoint: `${emulator.sso.url}${new URL(emulator.issuer).pathname}/api-access/token`,
    tokenRequests: async () => (await emulator.admin.stats()).tokenRequests.apiAccess,
    stop: () => emulator.stop(),
  };
}
