import { type ServiceProcess } from '@cern-sso/service-process';
import { demoSecretOf } from '../stack/endpoints.js';
import { openLoop, percentile, type Call } from './open-loop.js';
import { startTopology, type Replica } from './topology.js';

export interface ScaleOptions {
  /** target-api replicas behind the load balancer. */
  targets: number;
  /** caller replicas the load is spread over. */
  callers: number;
  /** Length of the load, in seconds; the faults happen at fixed fractions of it. */
  durationSec: number;
  /** Calls per second, over all callers. */
  ratePerSec: number;
  /** How long after retiring a key to watch each replica refuse it, in seconds. */
  retiredWatchSec: number;
  /** Progress lines. */
  log: (line: string) => void;
}

export const SCALE_DEFAULTS: Omit<ScaleOptions, 'log'> = {
  targets: 3,
  callers: 2,
  durationSec: 60,
  ratePerSec: 40,
  retiredWatchSec: 65,
};

export interface ScaleResult {
  options: Omit<ScaleOptions, 'log'>;
  calls: Call[];
  failed: Call[];
  events: { at: number; what: string }[];
  latencyMs: { p50: number; p99: number; max: number };
  /** What the SSO saw from each process (through its counting proxy). */
  targets: { name: string; jwksFetches: number; tokenRequests: number }[];
  callers: { name: string; jwksFetches: number; tokenRequests: number }[];
  /** Seconds from retiring a key until each replica refused a token signed by it. */
  retiredKey: { name: string; refusedAfterSec?: number }[];
}

/**
 * The emulator, PostgreSQL, `targets` target-api replicas behind nginx and `callers` callers,
 * all as processes on loopback, under an open-loop load through the callers while the SSO
 * rotates its key twice and retires the old one, a target replica is SIGKILLed and started
 * again, and the SSO restarts.
 */
export async function runScaleTest(options: ScaleOptions): Promise<ScaleResult> {
  const started = performance.now();
  const now = () => performance.now() - started;
  const events: ScaleResult['events'] = [];
  const event = (what: string) => {
    events.push({ at: now(), what });
    options.log(`${(now() / 1000).toFixed(1).padStart(6)} s  ${what}`);
  };
  const topology = await startTopology(options, event);
  try {
    const { emulator, targets, callers, realm } = topology;
    const loadStarted = performance.now();
    const load = openLoop(
      callers.map((c) => `${c.process.url}/reports`),
      options.ratePerSec,
      loadStarted,
    );
    event(`load: ${options.ratePerSec} GET /reports per second through the callers`);
    const at = async (fraction: number) => {
      const wait = loadStarted + fraction * options.durationSec * 1000 - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    };

    await at(0.1);
    // The emulator keeps the current and the previous key. The key made now is the one retired
    // after the next rotation. Every replica first accepts a token it signed (so the key is in
    // its cache); the watch below then shows when each one stops accepting it.
    const retiredKid = await emulator.admin.rotateKeys();
    event(`rotated the signing key: now ${retiredKid}`);
    const oldToken = await tokenFrom(`${emulator.sso.url}${realm}/api-access/token`);
    for (const target of targets) {
      const status = await statusWith(target.process, oldToken);
      if (status !== 200)
        throw new Error(`${target.process.spec.name} refused a fresh token: ${status}`);
    }
    await at(0.25);
    event(`rotated the signing key: now ${await emulator.admin.rotateKeys()}`);
    await emulator.admin.retireKey(retiredKid);
    event(`retired ${retiredKid}`);
    const retiredAt = performance.now();
    const retiredWatch = Promise.all(
      targets.map((t) => refusedAfter(t.process, oldToken, retiredAt, options.retiredWatchSec)),
    );
    const tokensAtRetirement = callers.map((c) => c.proxy.counts.tokenRequests);

    await at(0.4);
    const victim = targets[0]!.process;
    const ended = await victim.kill('SIGKILL');
    event(`${victim.spec.name} killed (${ended.signal})`);
    await victim.start();
    event(`${victim.spec.name} started again`);

    // The callers' first tokens were signed by a key no longer published. A replica that does
    // not know it (the one just restarted) answers 401, and the caller fetches a new token.
    // Restarting the SSO before every caller has one would test an SSO outage instead: a
    // caller whose token is refused cannot get another while the SSO is down.
    const deadline = performance.now() + 60_000;
    while (
      callers.some((c, i) => c.proxy.counts.tokenRequests === tokensAtRetirement[i]) &&
      performance.now() < deadline
    ) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    event(
      `callers' token requests since the retirement: ${callers.map((c, i) => c.proxy.counts.tokenRequests - tokensAtRetirement[i]!).join(', ')}`,
    );

    await at(0.7);
    await emulator.sso.stop();
    event('SSO emulator stopped');
    await emulator.sso.start();
    event('SSO emulator started again');

    await at(1);
    const calls = await load.stop();
    event(`load stopped: ${calls.length} calls`);
    const retired = await retiredWatch;
    event('retired-key watch done');

    const failed = calls.filter((call) => call.status !== 200);
    const latencies = calls.filter((call) => call.status === 200).map((call) => call.ms);
    const counts = (r: Replica) => ({ name: r.process.spec.name, ...r.proxy.counts });
    return {
      options: {
        targets: options.targets,
        callers: options.callers,
        durationSec: options.durationSec,
        ratePerSec: options.ratePerSec,
        retiredWatchSec: options.retiredWatchSec,
      },
      calls,
      failed,
      events,
      latencyMs: {
        p50: percentile(latencies, 50),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      targets: targets.map(counts),
      callers: callers.map(counts),
      retiredKey: targets.map((t, i) => ({
        name: t.process.spec.name,
        ...(retired[i] === undefined ? {} : { refusedAfterSec: retired[i] }),
      })),
    };
  } finally {
    await topology.stop();
  }
}

async function tokenFrom(tokenEndpoint: string): Promise<string> {
  const response = await fetch(tokenEndpoint, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: 'caller',
      client_secret: demoSecretOf('caller'),
      audience: 'target-api',
    }),
  });
  if (!response.ok) throw new Error(`POST ${tokenEndpoint}: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

function statusWith(target: ServiceProcess, token: string): Promise<number> {
  return fetch(`${target.url}/reports`, { headers: { authorization: `Bearer ${token}` } }).then(
    (response) => response.status,
    () => 0,
  );
}

/** Seconds until `target` answers 401 to `token`, asked once a second; undefined if it never did. */
async function refusedAfter(
  target: ServiceProcess,
  token: string,
  since: number,
  watchSec: number,
): Promise<number | undefined> {
  while (performance.now() - since < watchSec * 1000) {
    if ((await statusWith(target, token)) === 401)
      return Math.round((performance.now() - since) / 100) / 10;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return undefined;
}
