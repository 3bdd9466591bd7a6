import type { BenchServer } from './bench-server.js';
import { runLoad } from './load.js';
import { spreadOf, type Spread } from '../support/stats.js';

export const ROUTES = ['public', 'guarded', 'tutorial'] as const;
export type Route = (typeof ROUTES)[number];

/** One route under one token set, over all rounds. */
export interface RouteFigures {
  requestsPerSec: number;
  /** The server process's CPU time (user + system) per request, µs. */
  cpuUsPerRequest: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
}

export interface TokenSetFigures {
  routes: Record<Route, RouteFigures>;
  /** requests/s of the route over public's in the same round, one value per round. */
  perPublic: Record<Route, Spread>;
  /** guarded's requests/s over the tutorial recipe's in the same round. */
  guardedPerTutorial: Spread;
}

export interface MemoryFigures {
  rssBeforeMb: number;
  rssAfterMb: number;
  heapUsedBeforeMb: number;
  heapUsedAfterMb: number;
}

export interface ServerSide {
  oneToken: TokenSetFigures;
  distinctTokens: TokenSetFigures;
  distinctTokenCount: number;
  memory: MemoryFigures;
  secondsPerRun: number;
  rounds: number;
}

// Per route and token set, before the rounds: JIT, connections, the JWKS fetch, a full cache.
const WARM_UP_SEC = 2;

/**
 * The three routes under the same load, first with one token sent again and again, then with
 * every request carrying the next of many distinct tokens. The distinct tokens form one cycle
 * shared by all runs, longer than the guard's token cache, so no token is ever seen twice while
 * it could still be cached.
 *
 * Each round measures every route for `secondsPerRun`, in two halves run there and back
 * (A B C C B A, the start rotated each round): each route's halves sit symmetrically around the
 * round's midpoint, so load from elsewhere on the machine that rises or falls during the round
 * weighs on every route alike. Ratios are taken within a round, and the figure is their median
 * over the rounds: one disturbed round moves the spread, not the figure.
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

/** One load run with the server's CPU time read around it. */
interface Run {
  requests: number;
  durationSec: number;
  cpuUs: number;
  p50Ms: number;
  p99Ms: number;
}

async function loadRoutes(
  server: BenchServer,
  nextToken: () => string,
  secondsPerRun: number,
  rounds: number,
): Promise<TokenSetFigures> {
  const run = async (route: Route, durationSec: number): Promise<Run> => {
    const cpuBefore = await server.cpuMicros();
    const url = `${server.url}/${route}`;
    const result = await runLoad({ url, nextToken, durationSec });
    const cpuUs = (await server.cpuMicros()) - cpuBefore;
    return { ...result, cpuUs };
  };
  for (const route of ROUTES) await run(route, WARM_UP_SEC);

  const byRound: Record<Route, Run>[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = rotate(ROUTES, round);
    const halves: Record<Route, Run[]> = { public: [], guarded: [], tutorial: [] };
    for (const route of [...order, ...[...order].reverse()]) {
      halves[route].push(await run(route, secondsPerRun / 2));
    }
    byRound.push({
      public: combine(halves.public),
      guarded: combine(halves.guarded),
      tutorial: combine(halves.tutorial),
    });
  }

  const all = (route: Route) => figuresOf(combine(byRound.map((runs) => runs[route])));
  const perSec = (r: Run) => r.requests / r.durationSec;
  const ratios = (of: Route, to: Route) =>
    spreadOf(byRound.map((runs) => perSec(runs[of]) / perSec(runs[to])));
  return {
    routes: { public: all('public'), guarded: all('guarded'), tutorial: all('tutorial') },
    perPublic: {
      public: ratios('public', 'public'),
      guarded: ratios('guarded', 'public'),
      tutorial: ratios('tutorial', 'public'),
    },
    guardedPerTutorial: ratios('guarded', 'tutorial'),
  };
}

/** Several runs of one route as one: requests and time add up, percentiles are averaged. */
function combine(runs: readonly Run[]): Run {
  const sum = (pick: (run: Run) => number) => runs.reduce((total, run) => total + pick(run), 0);
  return {
    requests: sum((r) => r.requests),
    durationSec: sum((r) => r.durationSec),
    cpuUs: sum((r) => r.cpuUs),
    p50Ms: sum((r) => r.p50Ms) / runs.length,
    p99Ms: sum((r) => r.p99Ms) / runs.length,
  };
}

function figuresOf(run: Run): RouteFigures {
  return {
    requestsPerSec: run.requests / run.durationSec,
    cpuUsPerRequest: run.cpuUs / run.requests,
    p50Ms: run.p50Ms,
    p99Ms: run.p99Ms,
    requests: run.requests,
  };
}

/** The routes in another order each round, so none is always the one measured first. */
function rotate<T>(items: readonly T[], by: number): T[] {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}
