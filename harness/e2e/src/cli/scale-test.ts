#!/usr/bin/env node
// `pnpm scale-test`: replicas under faults on loopback (see docs/deploy.md). Exits 1 when any call
// failed. Flags: --targets N --callers M --duration SEC --rate PER_SEC --retired-watch SEC, or
// --short (the CI run: 30 s at 20 calls/s, retired key watched 70 s).
import { parseArgs } from 'node:util';
import { formatScale, scalePassed } from '../scale/format-scale.js';
import { runScaleTest, SCALE_DEFAULTS } from '../scale/scale-run.js';

const { values } = parseArgs({
  options: {
    targets: { type: 'string' },
    callers: { type: 'string' },
    duration: { type: 'string' },
    rate: { type: 'string' },
    'retired-watch': { type: 'string' },
    short: { type: 'boolean', default: false },
  },
});
const base = values.short
  ? { ...SCALE_DEFAULTS, durationSec: 30, ratePerSec: 20, retiredWatchSec: 70 }
  : SCALE_DEFAULTS;
const number = (flag: string, raw: string | undefined, fallback: number, max: number) => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > max) {
    console.error(`--${flag}: expected an integer from 1 to ${max}, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};
const options = {
  targets: number('targets', values.targets, base.targets, 20),
  callers: number('callers', values.callers, base.callers, 20),
  durationSec: number('duration', values.duration, base.durationSec, 86_400),
  ratePerSec: number('rate', values.rate, base.ratePerSec, 5_000),
  retiredWatchSec: number('retired-watch', values['retired-watch'], base.retiredWatchSec, 3_600),
  log: (line: string) => console.log(line),
};

try {
  const result = await runScaleTest(options);
  console.log(`\n${formatScale(result)}`);
  process.exit(scalePassed(result) ? 0 : 1);
} catch (error) {
  console.error(
    `scale test could not run: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
