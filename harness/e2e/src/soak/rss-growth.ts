/** What rssGrowth reads of a soak sample. */
export interface RssSample {
  /** Seconds since the load started. */
  at: number;
  rssMb: Record<string, number>;
  pids: Record<string, number>;
}

/**
 * Below this many warm seconds a run cannot tell a leak from V8's heap sizing: RSS swings by
 * 30 MB over a few minutes with no leak at all (seen in 2-minute runs), so memory is reported
 * but not judged.
 */
export const RSS_JUDGED_AFTER_WARM_SEC = 240;

/**
 * Per process: how much its RSS grows over the run once warmed up (`warmupSec` after the process
 * started, so a replica restarted during the run is measured from its own warm-up).
 *
 * RSS is a sawtooth: V8 grows its heap and gives memory back at moments of its own choosing, so
 * the difference of two single samples says little. The trend is read from the medians of the
 * first and the second half of the warm samples; for a steady trend they lie half the span apart,
 * so twice their difference is the growth over the whole warm span. A steady heap reads near 0, a
 * leak of 5 MB a minute over 9 warm minutes near 45. A process restarted too late to give six
 * warm samples is left out; one restarted during the run has two lives, and the larger counts.
 */
export function rssGrowth(
  samples: readonly RssSample[],
  warmupSec: number,
): Record<string, { growthMb: number; warmSec: number }> {
  const lives = new Map<string, { name: string; points: [number, number][] }>();
  for (const sample of samples) {
    for (const [name, mb] of Object.entries(sample.rssMb)) {
      const key = `${name}:${sample.pids[name]}`;
      const life = lives.get(key) ?? { name, points: [] };
      lives.set(key, life);
      life.points.push([sample.at, mb]);
    }
  }
  const growth: Record<string, { growthMb: number; warmSec: number }> = {};
  for (const { name, points } of lives.values()) {
    const start = points[0]![0] + warmupSec;
    const warm = points.filter(([at]) => at >= start).map(([, mb]) => mb);
    if (warm.length < 6) continue;
    const half = Math.floor(warm.length / 2);
    const growthMb =
      Math.round(2 * (median(warm.slice(-half)) - median(warm.slice(0, half))) * 10) / 10;
    const warmSec = Math.round(points.at(-1)![0] - start);
    const before = growth[name];
    if (before === undefined || growthMb > before.growthMb) growth[name] = { growthMb, warmSec };
  }
  return growth;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
