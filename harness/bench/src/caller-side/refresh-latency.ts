import axios from 'axios';
import {
  axiosTokenHttp,
  TokenClient,
  withApiAccess,
  type TokenHttp,
} from '@cern-sso/api-access/client';
import { runCallLoop, type Call } from '../support/call-loop.js';
import { startEmulatorProcess } from '../support/emulator-process.js';
import { benchCaller } from '../support/naive-token.js';
import { nowMs, quantile } from '../support/stats.js';
import { startTrivialServer } from '../support/trivial-server.js';

export interface LatencySummary {
  calls: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface RefreshLatency {
  /** The client's `refresh.lifetimeFraction` in this run. */
  lifetimeFraction: number;
  /** The short token lifetime given to the emulator for this phase. */
  tokenLifetimeSec: number;
  /** Proactive refreshes that happened while calls were running. */
  refreshes: number;
  /** A call is "around" a refresh when it starts within this many ms of one (before or after). */
  windowMs: number;
  around: LatencySummary;
  away: LatencySummary;
  /**
   * `getToken` calls that returned a token fetched after they started, i.e. that waited for a
   * token request (target: 0). Unlike p99 latency, other work on the machine cannot move it.
   */
  callsThatWaited: number;
  getTokenCalls: number;
}

export interface RefreshRun {
  /** When the client refreshes, as in its `refresh.lifetimeFraction`; 1: only once expired. */
  lifetimeFraction?: number;
  tokenLifetimeSec?: number;
  durationMs?: number;
  windowMs?: number;
}

interface Span {
  startMs: number;
  endMs: number;
}

/**
 * Calls through `withApiAccess` without pause while the token client refreshes its token in the
 * background. Tokens live `tokenLifetimeSec` and are refreshed halfway, so several refreshes fall
 * inside the run (with `lifetimeFraction: 1`, the control, they are fetched only once expired); if any caller waited for one, the p99 of calls around it would show a step,
 * and the token it got would be younger than the call: both are measured.
 */
export async function measureRefreshLatency(
  audience: string,
  {
    lifetimeFraction = 0.5,
    tokenLifetimeSec = 6,
    durationMs = 10_000,
    windowMs = 500,
  }: RefreshRun = {},
): Promise<RefreshLatency> {
  const emulator = await startEmulatorProcess(tokenLifetimeSec);
  const server = await startTrivialServer();
  try {
    const fetches: Span[] = [];
    const fetchedAt = new Map<string, number>(); // token -> when its response arrived
    const send = axiosTokenHttp(axios.create());
    const http: TokenHttp = async (request) => {
      const span = { startMs: nowMs(), endMs: Number.NaN };
      try {
        const response = await send(request);
        fetchedAt.set(accessTokenOf(response.body), nowMs());
        return response;
      } finally {
        span.endMs = nowMs();
        fetches.push(span);
      }
    };
    const client = new TokenClient({
      ...benchCaller(emulator.tokenEndpoint),
      http,
      refresh: { lifetimeFraction, minRemainingMs: 0 },
    });
    await client.getToken(audience);
    let getTokenCalls = 0;
    let callsThatWaited = 0;
    const getToken = client.getToken.bind(client);
    client.getToken = async (forAudience) => {
      const startMs = nowMs();
      const token = await getToken(forAudience);
      getTokenCalls++;
      if ((fetchedAt.get(token) ?? startMs) > startMs) callsThatWaited++;
      return token;
    };
    const target = withApiAccess(axios.create({ baseURL: server.url }), { client, audience });
    const calls = await runCallLoop(() => target.get('/'), 10, durationMs);
    const refreshes = fetches.slice(1); // the first was the cold fetch, not a refresh

    const isAround = (call: Call) =>
      refreshes.some(
        (r) => call.startMs >= r.startMs - windowMs && call.startMs <= r.endMs + windowMs,
      );
    return {
      lifetimeFraction,
      tokenLifetimeSec,
      refreshes: refreshes.length,
      windowMs,
      around: summarise(calls.filter(isAround)),
      away: summarise(calls.filter((call) => !isAround(call))),
      callsThatWaited,
      getTokenCalls,
    };
  } finally {
    await Promise.all([server.close(), emulator.stop()]);
  }
}

function accessTokenOf(body: string): string {
  try {
    return String((JSON.parse(body) as { access_token?: unknown }).access_token);
  } catch {
    return '';
  }
}

function summarise(calls: readonly Call[]): LatencySummary {
  const latencies = calls.map((call) => call.latencyMs);
  return {
    calls: calls.length,
    p50Ms: quantile(latencies, 0.5),
    p99Ms: quantile(latencies, 0.99),
    maxMs: latencies.length === 0 ? Number.NaN : Math.max(...latencies),
  };
}
