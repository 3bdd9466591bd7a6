/**
 * Runs `task` once after `delayMs` and returns a function that cancels it. Injected so tests move
 * time by hand; the default never keeps a process alive (its timers are unref'd).
 */
export type Scheduler = (delayMs: number, task: () => void) => () => void;

export const unrefScheduler: Scheduler = (delayMs, task) => {
  const timer = setTimeout(task, delayMs);
  timer.unref();
  return () => clearTimeout(timer);
};
