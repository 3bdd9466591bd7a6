import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import axios from 'axios';
import { ServiceProcess } from '@cern-sso/service-process';

const MAIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'server', 'main.js');

export interface BenchServer {
  readonly url: string;
  /** The server process's memory, from its `/memory` route. */
  memory(): Promise<NodeJS.MemoryUsage>;
  /** The server process's CPU time so far (user + system), µs, from its `/cpu` route. */
  cpuMicros(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The bench app (public, guarded and tutorial routes) in its own process. With `profileDir`,
 * it runs under `node --cpu-prof` and writes its profile there when stopped; `env` adds to its
 * environment (BENCH_TRACING=1 turns tracing on).
 */
export async function startBenchServer(
  issuer: string,
  audience: string,
  profileDir?: string,
  env: Record<string, string> = {},
): Promise<BenchServer> {
  const nodeArgs = [
    '--expose-gc',
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
  ];
  const service = new ServiceProcess({
    name: 'bench-server',
    main: MAIN,
    env: { SSO_ISSUER: issuer, API_CLIENT_ID: audience, ...env },
    nodeArgs,
  });
  await service.start();
  return {
    url: service.url,
    memory: async () => (await axios.get<NodeJS.MemoryUsage>(`${service.url}/memory`)).data,
    cpuMicros: async () => {
      const { data } = await axios.get<NodeJS.CpuUsage>(`${service.url}/cpu`);
      return data.user + data.system;
    },
    stop: () => service.stop(),
  };
}
