import { rssGrowth, type RssSample } from '../src/soak/rss-growth.js';

/** One process sampled every 5 s for 10 minutes, its RSS given by `mb(seconds)`. */
const run = (mb: (at: number) => number): RssSample[] =>
  Array.from({ length: 121 }, (_, i) => ({
    at: i * 5,
    rssMb: { caller: mb(i * 5) },
    pids: { caller: 1 },
  }));

// A V8 heap: it climbs 30 MB in a minute, then drops back when a full GC gives memory back.
const sawtooth = (at: number) => 90 + ((at % 60) / 60) * 30;

describe('RSS growth over a soak run', () => {
  it('reads a steady sawtooth as no growth, however the samples fall', () => {
    // Well inside the 20 MB limit: the sawtooth moves each half's median by a few MB at most.
    expect(Math.abs(rssGrowth(run(sawtooth), 60).caller!.growthMb)).toBeLessThan(10);
  });

  it('reads a leak of 5 MB a minute under the sawtooth as about 45 MB over 9 warm minutes', () => {
    const { growthMb, warmSec } = rssGrowth(
      run((at) => sawtooth(at) + (at / 60) * 5),
      60,
    ).caller!;
    expect(growthMb).toBeGreaterThan(35);
    expect(growthMb).toBeLessThan(55);
    expect(warmSec).toBe(540);
  });

  it('measures a restarted process from its own warm-up, and keeps the larger growth', () => {
    const samples = run((at) => (at < 300 ? 100 + at / 10 : 100));
    for (const sample of samples) if (sample.at >= 300) sample.pids.caller = 2;
    // First life: 0.1 MB/s over 235 warm seconds; second life: flat.
    expect(rssGrowth(samples, 60).caller).toEqual({ growthMb: 24, warmSec: 235 });
  });
});
