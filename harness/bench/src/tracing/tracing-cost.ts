import { startBenchServer, type BenchServer } from '../server-side/bench-server.js';
import { runLoad, type LoadResult } from '../server-side/load.js';

export const TRACED_ROUTES = ['public', 'guarded'] as const;
type TracedRoute = (typeof TRACED_ROUTES)[number];

export interface TracingCost {
  off: Record<TracedRoute, LoadResult>;
  on: Record<TracedRoute, LoadResult>;
  secondsPerRun: number;
  rounds: number;
}

/**
 * The bench server twice, tracing off and tracing on (BENCH_TRACING=1: the OpenTelemetry SDK, a
 * span per request continued from nothing, the guard's decision on it, spans dropped instead of
 * exported), loaded in turn with one reused token, round after round in a rotated order.
 */
export async function measureTracingCost(
  issuer: string,
  audience: string,
  token: string,
  secondsPerRun: number,
  rounds: number,
): Promise<TracingCost> {
  const servers = {
    off: await startBenchServer(issuer, audience),
    on: await startBenchServer(issuer, audience, undefined, { BENCH_TRACING: '1' }),
  };
  try {
    const runs = ['off', 'on'].flatMap((mode) =>
      TRACED_ROUTES.map((route) => ({
        mode: mode as 'off' | 'on',
        route,
        results: [] as LoadResult[],
      })),
    );
    for (let round = 0; round <= rounds; round++) {
      for (const run of rotate(runs, round)) {
        // Round 0 warms each server and route up for one second.
        const result = await load(
          servers[run.mode],
          run.route,
          token,
          round === 0 ? 1 : secondsPerRun,
        );
        if (round > 0) run.results.push(result);
      }
    }
    const figures = (mode: 'off' | 'on') =>
      Object.fromEntries(
        runs.filter((r) => r.mode === mode).map((r) => [r.route, mean(r.results)]),
      ) as Record<TracedRoute, LoadResult>;
    return { off: figures('off'), on: figures('on'), secondsPerRun, rounds };
  } finally {
    await Promise.all([servers.off.stop(), servers.on.stop()]);
  }
}

function load(server: BenchServer, route: TracedRoute, token: string, durationSec: number) {
  return runLoad({ url: `${server.url}/${route}`, nextToken: () => token, durationSec });
}

function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function mean(results: readonly LoadResult[]): LoadResult {
  const of = (pick: (result: LoadResult) => number) =>
    results.reduce((sum, result) => sum + pick(result), 0) / results.length;
  return {
    requestsPerSec: of((r) => r.requestsPerSec),
    p50Ms: of((r) => r.p50Ms),
    p99Ms: of((r) => r.p99Ms),
    requests: of((r) => r.requests),
    durationSec: of((r) => r.durationSec),
  };
}
