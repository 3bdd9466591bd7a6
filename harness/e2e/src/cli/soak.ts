#!/usr/bin/env node
// `pnpm soak`: the scale test's topology for --minutes (default 10) with a key rotation every
// minute, one SSO restart and one killed target replica. Writes soak/results/<timestamp>.json and
// .html (charts over time); exits 1 unless 0 valid calls failed and RSS stayed within its limit.
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { soakHtml, soakVerdict } from '../soak/soak-report.js';
import { runSoak, SOAK_DEFAULTS } from '../soak/soak-run.js';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string' },
    rate: { type: 'string' },
    out: { type: 'string', default: 'soak/results' },
  },
});
const positive = (flag: string, raw: string | undefined, fallback: number) => {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 10_000) {
    console.error(`--${flag}: expected an integer from 1 to 10000, got ${JSON.stringify(raw)}`);
    process.exit(2);
  }
  return value;
};

try {
  const result = await runSoak({
    ...SOAK_DEFAULTS,
    minutes: positive('minutes', values.minutes, SOAK_DEFAULTS.minutes),
    ratePerSec: positive('rate', values.rate, SOAK_DEFAULTS.ratePerSec),
    log: (line) => console.log(line),
  });
  // INIT_CWD: the directory `pnpm soak` was run from (the repository root), not harness/e2e.
  const dir = resolve(process.env.INIT_CWD ?? process.cwd(), values.out);
  await mkdir(dir, { recursive: true });
  const stamp = result.startedAt.replace(/[:.]/g, '-');
  await writeFile(join(dir, `${stamp}.json`), `${JSON.stringify(result, null, 2)}\n`);
  await writeFile(join(dir, `${stamp}.html`), soakHtml(result));
  console.log(`\n${soakVerdict(result).join('\n')}\nReport: ${join(dir, `${stamp}.html`)}`);
  process.exit(result.pass ? 0 : 1);
} catch (error) {
  console.error(`soak could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
