export interface EventuallyOptions {
  /** Bounds a failing test only, in ms, so it is generous. Default 15 000. */
  timeoutMs?: number;
  /** What is awaited, for the failure message. */
  what?: string;
}

/**
 * Re-checks `condition` until it holds: for effects that land over real sockets or in another
 * process, so a test waits for the effect instead of a fixed time. The bound is generous because
 * a busy two-core machine can stall a loopback round trip for seconds. Checks soon at first, then
 * every 100 ms at most, so a probe that makes a request does not flood the service it asks.
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  { timeoutMs = 15_000, what = 'the condition' }: EventuallyOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pauseMs = 5;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} still false after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
    pauseMs = Math.min(pauseMs * 2, 100);
  }
}
