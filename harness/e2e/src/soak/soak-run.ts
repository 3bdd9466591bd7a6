import { readFile } from 'node:fs/promises';
import { type ServiceProcess } from '@cern-sso/service-process';
import { openLoop, percentile, type Call } from '../scale/open-loop.js';
import { startTopology } from '../scale/topology.js';
import { RSS_JUDGED_AFTER_WARM_SEC, rssGrowth } from './rss-growth.js';

export interface SoakOptions {
  minutes: number;
  targets: number;
  callers: number;
  ratePerSec: number;
  /** Seconds between samples of throughput, latency and RSS. */
  sampleSec: number;
  log: (line: string) => void;
}

export const SOAK_DEFAULTS: Omit<SoakOptions, 'log'> = {
  minutes: 10,
  targets: 3,
  callers: 2,
  ratePerSec: 20,
  sampleSec: 5,
};

/** RSS of a service may grow at most this much after warm-up. */
export const RSS_GROWTH_LIMIT_MB = 20;

export interface SoakSample {
  /** Seconds since the load started. */
  at: number;
  okPerSec: number;
  p50Ms: number;
  p99Ms: number;
  failed: number;
  /** RSS in MB per process name (absent while a process is down). */
  rssMb: Record<string, number>;
  /** Process id per name: a new one after a restart. */
  pids: Record<string, number>;
  /** Totals so far, over all replicas, as the SSO saw them. */
  tokenRequests: number;
  jwksFetches: number;
}

export interface SoakResult {
  startedAt: string;
  options: Omit<SoakOptions, 'log'>;
  calls: number;
  /** Calls that failed although the caller held a valid token. */
  failedValid: Call[];
  /** The caller could not get a token (503 sso_unavailable): no valid token was sent. */
  withoutToken: number;
  warmupSec: number;
  rssGrowthMb: Record<string, number>;
  /** Whether the run was long enough for the RSS limit to apply (see RSS_JUDGED_AFTER_WARM_SEC). */
  memoryJudged: boolean;
  pass: boolean;
  samples: SoakSample[];
  events: { at: number; what: string }[];
}

/**
 * The scale test's topology for `minutes`, with a key rotation every minute, one SSO restart and
 * one SIGKILLed target replica, sampling throughput, latency, RSS and SSO requests over time.
 */
export async function runSoak(options: SoakOptions): Promise<SoakResult> {
  const startedAt = new Date().toISOString();
  const events: SoakResult['events'] = [];
  let loadStarted = performance.now();
  const event = (what: string) => {
    const at = (performance.now() - loadStarted) / 1000;
    events.push({ at, what });
    options.log(`${at.toFixed(1).padStart(7)} s  ${what}`);
  };
  const topology = await startTopology(options, (line) => options.log(line));
  try {
    const { emulator, targets, callers } = topology;
    const processes = [
      emulator.sso,
      ...targets.map((t) => t.process),
      ...callers.map((c) => c.process),
    ];
    const replicas = [...targets, ...callers];
    const durationMs = options.minutes * 60_000;
    loadStarted = performance.now();
    const load = openLoop(
      callers.map((c) => `${c.process.url}/reports`),
      options.ratePerSec,
      loadStarted,
    );
    event(`load: ${options.ratePerSec} GET /reports per second through ${callers.length} callers`);

    const samples: SoakSample[] = [];
    let sampled = 0;
    const sampler = setInterval(() => {
      void (async () => {
        // Calls are recorded as they are answered: the new ones are at the end.
        const window = load.calls().slice(sampled);
        sampled += window.length;
        const ok = window.filter((call) => call.status === 200).map((call) => call.ms);
        samples.push({
          at: (performance.now() - loadStarted) / 1000,
          okPerSec: ok.length / options.sampleSec,
          p50Ms: percentile(ok, 50),
          p99Ms: percentile(ok, 99),
          failed: window.length - ok.length,
          rssMb: Object.fromEntries(
            (await Promise.all(processes.map(async (p) => [p.spec.name, await rssMb(p)]))).filter(
              (entry): entry is [string, number] => entry[1] !== undefined,
            ),
          ),
          pids: Object.fromEntries(
            processes.flatMap((p) => (p.pid === undefined ? [] : [[p.spec.name, p.pid]])),
          ),
          tokenRequests: replicas.reduce((sum, r) => sum + r.proxy.counts.tokenRequests, 0),
          jwksFetches: replicas.reduce((sum, r) => sum + r.proxy.counts.jwksFetches, 0),
        });
      })();
    }, options.sampleSec * 1000);

    const at = async (ms: number) => {
      const wait = loadStarted + ms - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    };
    const schedule: { ms: number; run: () => Promise<void> }[] = [];
    for (let minute = 1; minute * 60_000 < durationMs; minute++) {
      schedule.push({
        ms: minute * 60_000,
        run: async () => {
          const current = await emulator.admin.rotateKeys();
          event(`key rotated: now ${current.slice(0, 8)}…`);
        },
      });
    }
    schedule.push({
      ms: durationMs * 0.45,
      run: async () => {
        await emulator.sso.stop();
        event('SSO stopped');
        await emulator.sso.start();
        event('SSO started again');
      },
    });
    schedule.push({
      ms: durationMs * 0.7,
      run: async () => {
        const victim = targets[0]!.process;
        await victim.kill('SIGKILL');
        event(`${victim.spec.name} killed (SIGKILL)`);
        await victim.start();
        event(`${victim.spec.name} started again`);
      },
    });
    for (const step of schedule.sort((a, b) => a.ms - b.ms)) {
      await at(step.ms);
      await step.run();
    }
    await at(durationMs);
    clearInterval(sampler);
    const calls = await load.stop();
    event(`load stopped: ${calls.length} calls`);

    const failed = calls.filter((call) => call.status !== 200);
    const noToken = (call: Call) => call.problem?.includes('"sso_unavailable"') === true;
    const failedValid = failed.filter((call) => !noToken(call));
    const withoutToken = failed.length - failedValid.length;
    const warmupSec = Math.min(60, (durationMs / 1000) * 0.25);
    const growth = rssGrowth(samples, warmupSec);
    const rssGrowthMb = Object.fromEntries(
      Object.entries(growth).map(([name, { growthMb }]) => [name, growthMb]),
    );
    const memoryJudged = Object.values(growth).some(
      ({ warmSec }) => warmSec >= RSS_JUDGED_AFTER_WARM_SEC,
    );
    return {
      startedAt,
      options: {
        minutes: options.minutes,
        targets: options.targets,
        callers: options.callers,
        ratePerSec: options.ratePerSec,
        sampleSec: options.sampleSec,
      },
      calls: calls.length,
      failedValid,
      withoutToken,
      warmupSec,
      rssGrowthMb,
      memoryJudged,
      pass:
        failedValid.length === 0 &&
        Object.values(growth).every(
          ({ growthMb, warmSec }) =>
            warmSec < RSS_JUDGED_AFTER_WARM_SEC || growthMb < RSS_GROWTH_LIMIT_MB,
        ),
      samples,
      events,
    };
  } finally {
    await topology.stop();
  }
}

async function rssMb(process: ServiceProcess): Promise<number | undefined> {
  if (process.pid === undefined) return undefined;
  const status = await readFile(`/proc/${process.pid}/status`, 'utf8').catch(() => '');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb === undefined ? undefined : Math.round((Number(kb) / 1024) * 10) / 10;
}
