import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian's `prometheus` package ships it (`.ci/run` installs it); PROMTOOL_PATH names another. */
export const PROMTOOL = process.env.PROMTOOL_PATH ?? '/usr/bin/promtool';

/** CI sets REQUIRE_PROMETHEUS=1: there a missing promtool fails instead of skipping. */
const REQUIRE_PROMETHEUS = process.env.REQUIRE_PROMETHEUS === '1';

/** `describe` when promtool is there (or required), else `describe.skip` after one line saying so. */
export function describeWithPromtool(what: string): jest.Describe {
  if (existsSync(PROMTOOL) || REQUIRE_PROMETHEUS) return describe;
  process.stderr.write(
    `Skipping ${what}: no promtool at ${PROMTOOL} (apt-get install prometheus, or set PROMTOOL_PATH).\n`,
  );
  return describe.skip;
}

/** Runs promtool; resolves with its exit code and output, whatever the code. */
export function promtool(
  args: string[],
  cwd: string,
): Promise<{ code: number | null; output: string }> {
  if (!existsSync(PROMTOOL)) {
    throw new Error(`No promtool at ${PROMTOOL}, and REQUIRE_PROMETHEUS=1 makes that a failure`);
  }
  return new Promise((resolve) => {
    execFile(PROMTOOL, args, { cwd }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}
