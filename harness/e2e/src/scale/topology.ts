import { PostgresCluster, ServiceProcess, findPostgresBinaries } from '@cern-sso/service-process';
import { mainOf, startEmulatorProcess, type RunningEmulator } from '@cern-sso/stack';
import { startCountingProxy, type CountingProxy } from './counting-proxy.js';
import { LoadBalancer } from './load-balancer.js';

/** One replica of a service, and the proxy that counts what it asks the SSO. */
export interface Replica {
  process: ServiceProcess;
  proxy: CountingProxy;
}

export interface Topology {
  emulator: RunningEmulator;
  postgres: PostgresCluster;
  targets: Replica[];
  balancer: LoadBalancer;
  callers: Replica[];
  /** The realm's path, e.g. /auth/realms/cern. */
  realm: string;
  /** Stops everything, in the reverse order of starting. */
  stop(): Promise<void>;
}

/**
 * What `pnpm scale-test` and `pnpm soak` run, as processes on loopback: the emulator (keys in a
 * file, so a restart keeps them), a throwaway PostgreSQL, `targets` target-api replicas sharing
 * it behind nginx, and `callers` callers calling target-api through nginx.
 */
export async function startTopology(
  options: { targets: number; callers: number },
  log: (line: string) => void,
): Promise<Topology> {
  const binaries = findPostgresBinaries();
  if (!binaries) throw new Error('PostgreSQL is missing: apt-get install postgresql');
  const stops: (() => Promise<unknown>)[] = [];
  const stop = async () => {
    for (const step of stops.reverse()) await step().catch(() => undefined);
  };
  try {
    const emulator = await startEmulatorProcess();
    stops.push(() => emulator.stop());
    const postgres = await PostgresCluster.start(binaries);
    stops.push(() => postgres.stop());
    const databaseUrl = await postgres.createDatabase();
    log(`emulator at ${emulator.sso.url}, PostgreSQL on port ${postgres.port}`);

    const replica = async (
      name: string,
      app: string,
      env: (proxy: string) => Record<string, string>,
    ): Promise<Replica> => {
      const proxy = await startCountingProxy(() => emulator.sso.url);
      stops.push(() => proxy.stop());
      const process = new ServiceProcess({
        name,
        main: mainOf(app),
        env: { PORT: '0', ...env(proxy.url) },
      });
      stops.push(() => process.stop());
      // Pinned once known, so a restart comes back where nginx expects it.
      process.spec.env.PORT = new URL(await process.start()).port;
      return { process, proxy };
    };
    const realm = new URL(emulator.issuer).pathname;
    // Replicas start one after another: all at once would only measure the machine's cores.
    const targets: Replica[] = [];
    for (let i = 1; i <= options.targets; i++) {
      targets.push(
        await replica(`target-api-${i}`, '@cern-sso/target-api', (proxy) => ({
          SSO_ISSUER: emulator.issuer,
          SSO_JWKS_URI: `${proxy}${realm}/protocol/openid-connect/certs`,
          DATABASE_URL: databaseUrl,
        })),
      );
    }
    const balancer = await LoadBalancer.start(targets.map((t) => new URL(t.process.url).host));
    stops.push(() => balancer.stop());
    const callers: Replica[] = [];
    for (let i = 1; i <= options.callers; i++) {
      callers.push(
        await replica(`caller-${i}`, '@cern-sso/caller', (proxy) => ({
          SSO_TOKEN_ENDPOINT: `${proxy}${realm}/api-access/token`,
          TARGET_API_URL: balancer.url,
          // Generous: on a shared two-core machine a replica's or the SSO's restart can stall
          // everything for seconds; a timeout here would count the machine, not the design.
          TARGET_API_TIMEOUT_MS: '30000',
        })),
      );
    }
    log(
      `${options.targets} target-api replicas behind nginx at ${balancer.url}, ${options.callers} callers`,
    );
    return { emulator, postgres, targets, balancer, callers, realm, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
