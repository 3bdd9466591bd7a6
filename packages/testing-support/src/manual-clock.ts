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

/** A promise to hold a scripted answer with, and the function that releases it. */
export function gate(): { wait: Promise<void>; open: () => void } {
  let open!: () => void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}
