import type { Scheduler } from '../../../src/server/index.js';
import { manualClock } from '@cern-sso/testing-support';

interface Task {
  readonly at: number;
  readonly run: () => void;
}

/**
 * The manual clock with a scheduler on it: `advance(ms)` moves time and runs every task that
 * falls due, in order, at its own time. Background refreshes and delayed fetches are tested
 * without waiting on wall time.
 */
export function manualTime(start = Date.now()) {
  const clock = manualClock(start);
  let tasks: Task[] = [];
  const scheduler: Scheduler = (delayMs, run) => {
    const task = { at: clock.now() + delayMs, run };
    tasks.push(task);
    return () => {
      tasks = tasks.filter((t) => t !== task);
    };
  };
  return {
    now: clock.now,
    scheduler,
    /** Tasks waiting to run. */
    pending: () => tasks.length,
    advance(ms: number): void {
      const end = clock.now() + ms;
      for (;;) {
        const due = tasks.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
        if (due === undefined) break;
        tasks = tasks.filter((t) => t !== due);
        clock.advance(Math.max(0, due.at - clock.now()));
        due.run();
      }
      clock.advance(end - clock.now());
    },
  };
}

export type ManualTime = ReturnType<typeof manualTime>;

/** Lets promise callbacks and I/O callbacks that are already due run. */
export function flush(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
