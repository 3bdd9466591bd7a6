import type { BenchServer } from './bench-server.js';
import { runLoad, type LoadResult } from './load.js';

export const ROUTES = ['public', 'guarded', 'tutorial'] as const;
export type Route = (typeof ROUTES)[number];

export type RouteFigures = Record<Route, LoadResult>;

export interface MemoryFigures {
  rssBeforeMb: number;
  rssAfterMb: number;
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
}

export interface ServerSide {
  oneToken: RouteFigures;
  distinctTokens: RouteFigures;
  distinctTokenCount: number;
  memory: MemoryFigures;
  secondsPerRun: number;
  rounds: number;
}

/**
 * The three routes under the same load, first with one token sent again and again, then with
 * every request carrying the next of many distinct tokens. The distinct tokens form one cycle
 * shared by all runs, longer than the guard's token cache, so no token is ever seen twice while
 * it could still be cached. Routes are measured in turn, round after round and in a rotated order,
 * so drift on a shared machine hits each alike; the figures are the mean of the rounds.
 */
export async function measureServerSide(
  server: BenchServer,
  oneToken: string,
  distinctTokens: readonly string[],
  secondsPerRun: number,
  rounds: number,
): Promise<ServerSide> {
  const before = await server.memory();
  const one = await loadRoutes(server, () => oneToken, secondsPerRun, rounds);
  const cycle = new TokenCycle(distinctTokens);
  const distinct = await loadRoutes(server, () => cycle.next(), secondsPerRun, rounds);
  const after = await server.memory();
  const mb = (bytes: number) => bytes / 2 ** 20;
  return {
    oneToken: one,
    distinctTokens: distinct,
    distinctTokenCount: distinctTokens.length,
    memory: {
      rssBeforeMb: mb(before.rss),
      rssAfterMb: mb(after.rss),
      heapUsedBeforeMb: mb(before.heapUsed),
      heapUsedAfterMb: mb(after.heapUsed),
    },
    secondsPerRun,
    rounds,
  };
}

/** Tokens handed out in order across runs, so a new run does not start the cycle again. */
class TokenCycle {
  private index = 0;
  constructor(private readonly tokens: readonly string[]) {}
  next(): string {
    return this.tokens[this.index++ % this.tokens.length]!;
  }
}

async function loadRoutes(
  server: BenchServer,
  nextToken: () => string,
  secondsPerRun: number,
  rounds: number,
): Promise<RouteFigures> {
  const runs: Record<Route, LoadResult[]> = { public: [], guarded: [], tutorial: [] };
  for (let round = 0; round <= rounds; round++) {
    for (const route of rotate(ROUTES, round)) {
      // Round 0 is a one-second warm-up of each route: JIT, connections, the JWKS fetch.
      const durationSec = round === 0 ? 1 : secondsPerRun;
      const result = await runLoad({ url: `${server.url}/${route}`, nextToken, durationSec });
      if (round > 0) runs[route].push(result);
    }
  }
  return {
    public: average(runs.public),
    guarded: average(runs.guarded),
    tutorial: average(runs.tutorial),
  };
}

/** The routes in another order each round, so none is always the one measured first. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

function average(results: readonly LoadResult[]): LoadResult {
  const of = (pick: (result: LoadResult) => number) =>
    results.reduce((sum, result) => sum + pick(result), 0) / results.length;
  return {
    requestsPerSec: of((r) => r.requestsPerSec),
    p50Ms: of((r) => r.p50Ms),
    p99Ms: of((r) => r.p99Ms),
    requests: of((r) => r.requests),
  };
}
