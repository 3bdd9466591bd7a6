import { Agent } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import axios from 'axios';
import { ServiceProcess } from '@cern-sso/service-process';

const require = createRequire(import.meta.url);
const ADMIN_SECRET = `bench-admin-${process.pid}`;
// A fresh connection per stats call: a kept-alive one may sit idle past the emulator's
// keep-alive timeout between phases, and reusing it then fails with "socket hang up".
const noKeepAlive = new Agent({ keepAlive: false });

/** The built SSO emulator as its own process, so its RSA signing never runs on our event loop. */
export interface EmulatorProcess {
  /** `iss` of its tokens (the emulator's default public URL: http://localhost:<port>). */
  readonly issuer: string;
  readonly tokenEndpoint: string;
  /** API Access token requests received so far (`GET /admin/stats`). */
  tokenRequests(): Promise<number>;
  stop(): Promise<void>;
}

export async function startEmulatorProcess(tokenLifetimeSec = 1200): Promise<EmulatorProcess> {
  const main = join(
    dirname(require.resolve('@cern-sso/sso-emulator/package.json')),
    'dist/main.js',
  );
  const service = new ServiceProcess({
    name: 'sso-emulator',
    main,
    env: {
      PORT: '0',
      SSO_ADMIN_SECRET: ADMIN_SECRET,
      SSO_TOKEN_LIFETIME: String(tokenLifetimeSec),
    },
  });
  await service.start();
  const { port } = new URL(service.url);
  const realmPath = '/auth/realms/cern';
  return {
    issuer: `http://localhost:${port}${realmPath}`,
    // Straight to the address it listens on: no localhost lookup in the measured calls.
    tokenEndpoint: `${service.url}${realmPath}/api-access/token`,
    tokenRequests: async () => {
      const { data } = await axios.get<{ tokenRequests: { apiAccess: number } }>(
        `${service.url}/admin/stats`,
        { headers: { 'X-Admin-Secret': ADMIN_SECRET }, httpAgent: noKeepAlive },
      );
      return data.tokenRequests.apiAccess;
    },
    stop: () => service.stop(),
  };
}
