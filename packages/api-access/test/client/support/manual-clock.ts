/**
 * A clock that moves only when told, and a `sleep` that moves it instead of waiting: retry
 * backoff and refresh schedules are tested without wall time.
 */
export function manualClock(start = Date.UTC(2026, 0, 1)) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
    /** Every delay slept, in order. */
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

export type ManualClock = ReturnType<typeof manualClock>;

/**
 * Re-checks `condition` until it holds: background work finishes over real sockets, so the test
 * waits for its effect instead of a fixed time. `limitMs` only bounds a failing test, so it is
 * generous (a busy two-core machine can stall a loopback round trip for seconds).
 */
export async function eventually(
  condition: () => boolean | Promise<boolean>,
  limitMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition still false after ' + limitMs + ' ms');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A promise to hold a scripted answer with, and the function that releases it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
