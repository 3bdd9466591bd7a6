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
  /** The short token lifetime given to the emulator for this phase. */
  tokenLifetimeSec: number;
  /** Proactive refreshes that happened while calls were running. */
  refreshes: number;
  /** A call is "around" a refresh when it starts within this many ms of one (before or after). */
  windowMs: number;
  around: LatencySummary;
  away: LatencySummary;
}

interface Span {
  startMs: number;
  endMs: number;
}

/**
 * Calls through `withApiAccess` without pause while the token client refreshes its token in the
 * background. Tokens live `tokenLifetimeSec` and are refreshed halfway, so several refreshes fall
 * inside the run; if any caller waited for one, the p99 of calls around it would show a step.
 */
export async function measureRefreshLatency(
  audience: string,
  tokenLifetimeSec = 6,
  durationMs = 10_000,
  windowMs = 500,
): Promise<RefreshLatency> {
  const emulator = await startEmulatorProcess(tokenLifetimeSec);
  const server = await startTrivialServer();
  try {
    const fetches: Span[] = [];
    const send = axiosTokenHttp(axios.create());
    const http: TokenHttp = async (request) => {
      const span = { startMs: nowMs(), endMs: Number.NaN };
      try {
        return await send(request);
      } finally {
        span.endMs = nowMs();
        fetches.push(span);
      }
    };
    const client = new TokenClient({
      ...benchCaller(emulator.tokenEndpoint),
      http,
      refresh: { lifetimeFraction: 0.5, minRemainingMs: 0 },
    });
    await client.getToken(audience);
    const target = withApiAccess(axios.create({ baseURL: server.url }), { client, audience });
    const calls = await runCallLoop(() => target.get('/'), 10, durationMs);
    const refreshes = fetches.slice(1); // the first was the cold fetch, not a refresh

    const isAround = (call: Call) =>
      refreshes.some(
        (r) => call.startMs >= r.startMs - windowMs && call.startMs <= r.endMs + windowMs,
      );
    return {
      tokenLifetimeSec,
      refreshes: refreshes.length,
      windowMs,
      around: summarise(calls.filter(isAround)),
      away: summarise(calls.filter((call) => !isAround(call))),
    };
  } finally {
    await Promise.all([server.close(), emulator.stop()]);
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
