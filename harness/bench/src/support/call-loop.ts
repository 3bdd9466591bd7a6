import { nowMs } from './stats.js';

export interface Call {
  /** When the call started, ms (performance.now). */
  readonly startMs: number;
  readonly latencyMs: number;
}

/**
 * `concurrency` loops each awaiting `call()` back to back for `durationMs` (a closed loop, as a
 * service calling another does). Returns every call, in the order they finished.
 */
export async function runCallLoop(
  call: () => Promise<unknown>,
  concurrency: number,
  durationMs: number,
): Promise<Call[]> {
  const calls: Call[] = [];
  const end = nowMs() + durationMs;
  const loop = async () => {
    while (nowMs() < end) {
      const startMs = nowMs();
      await call();
      calls.push({ startMs, latencyMs: nowMs() - startMs });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, loop));
  return calls;
}
