import { type ScaleResult } from './scale-run.js';

/** Every replica must refuse a token signed by a key the SSO no longer publishes within this. */
export const RETIRED_KEY_BOUND_SEC = 60;

/** Replicas that still accepted the retired key after RETIRED_KEY_BOUND_SEC (or the whole watch). */
export function lateToRefuse(result: ScaleResult): string[] {
  return result.retiredKey
    .filter((r) => r.refusedAfterSec === undefined || r.refusedAfterSec > RETIRED_KEY_BOUND_SEC)
    .map((r) => r.name);
}

/** Whether the run met both requirements: no failed call, the retired key refused in time. */
export function scalePassed(result: ScaleResult): boolean {
  return result.failed.length === 0 && lateToRefuse(result).length === 0;
}

/** The figures of a scale run as text: the verdict first, then what the SSO saw per replica. */
export function formatScale(result: ScaleResult): string {
  const { options, calls, failed, latencyMs } = result;
  const seconds = options.durationSec;
  const late = lateToRefuse(result);
  const lines = [
    failed.length === 0
      ? `${late.length === 0 ? 'PASS' : 'FAIL'}: 0 failed of ${calls.length} calls (all carried a valid token)`
      : `FAIL: ${failed.length} failed of ${calls.length} calls`,
    late.length === 0
      ? `every replica refused the retired key within ${RETIRED_KEY_BOUND_SEC} s`
      : `FAIL: still accepting the retired key after ${RETIRED_KEY_BOUND_SEC} s: ${late.join(', ')}`,
    `${options.targets} target-api replicas behind nginx, ${options.callers} callers, ` +
      `${options.ratePerSec} calls/s for ${seconds} s; latency p50 ${latencyMs.p50.toFixed(1)} ms, ` +
      `p99 ${latencyMs.p99.toFixed(1)} ms, max ${latencyMs.max.toFixed(1)} ms`,
    '',
    "What the SSO saw, per replica (through each one's counting proxy):",
    ...[...result.targets, ...result.callers].map(
      (r) =>
        `  ${r.name.padEnd(14)} JWKS fetches ${String(r.jwksFetches).padStart(3)}   token requests ${String(r.tokenRequests).padStart(3)}`,
    ),
    '',
    `A token signed by the retired key, asked once a second on each replica for up to ${options.retiredWatchSec} s:`,
    ...result.retiredKey.map((r) =>
      r.refusedAfterSec === undefined
        ? `  ${r.name.padEnd(14)} still accepted after ${options.retiredWatchSec} s`
        : `  ${r.name.padEnd(14)} refused after ${r.refusedAfterSec} s`,
    ),
    '',
    'Events:',
    ...result.events.map((e) => `  ${(e.at / 1000).toFixed(1).padStart(6)} s  ${e.what}`),
  ];
  if (failed.length > 0) {
    lines.push('', 'Failed calls (first 20):');
    for (const call of failed.slice(0, 20))
      lines.push(`  at ${(call.at / 1000).toFixed(2)} s: ${call.status} ${call.problem ?? ''}`);
  }
  return lines.join('\n');
}
