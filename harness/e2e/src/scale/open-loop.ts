/** One call of the load: when it started (ms since the run began), how long it took, its status. */
export interface Call {
  at: number;
  ms: number;
  /** HTTP status, or 0 when no response came (connection refused, reset, timed out). */
  status: number;
  /** The response body or the error, when the call failed (never a token: callers hold them). */
  problem?: string;
}

export interface OpenLoop {
  /** The calls answered so far. */
  calls(): readonly Call[];
  /** Stops sending and waits for the calls in flight. */
  stop(): Promise<Call[]>;
}

/** One call may take this long before it counts as failed. */
const CALL_TIMEOUT_MS = 15_000;

/**
 * Sends `ratePerSec` GETs per second to `urls` in turn, on schedule whether or not earlier
 * calls have answered (an open loop: a slow system faces the same arrivals, so stalls show in
 * the latency instead of hiding in a lower rate).
 */
export function openLoop(
  urls: string[],
  ratePerSec: number,
  started = performance.now(),
): OpenLoop {
  const calls: Call[] = [];
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  let stopped = false;
  const send = (url: string) => {
    const at = performance.now() - started;
    const call = fetch(url, { signal: AbortSignal.timeout(CALL_TIMEOUT_MS) })
      .then(async (response) => {
        const body = await response.text();
        calls.push({
          at,
          ms: performance.now() - started - at,
          status: response.status,
          ...(response.status === 200 ? {} : { problem: body.slice(0, 300) }),
        });
      })
      .catch((error: unknown) => {
        const problem = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        calls.push({ at, ms: performance.now() - started - at, status: 0, problem });
      })
      .finally(() => inFlight.delete(call));
    inFlight.add(call);
  };
  const tick = () => {
    if (stopped) return;
    // Catch up on every call due by now, then sleep until the next one is.
    const due = Math.floor(((performance.now() - started) / 1000) * ratePerSec);
    for (; sent < due; sent++) send(urls[sent % urls.length]!);
    timer = setTimeout(
      tick,
      Math.max(1, (sent + 1) * (1000 / ratePerSec) - (performance.now() - started)),
    );
  };
  let timer = setTimeout(tick, 0);
  return {
    calls: () => calls,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      while (inFlight.size > 0) await Promise.all([...inFlight]);
      return calls.sort((a, b) => a.at - b.at);
    },
  };
}

/** The p-th percentile (0-100) of `values`, nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
