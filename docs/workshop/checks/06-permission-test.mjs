import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { NotDone, root } from './lib.mjs';

export const title = 'Write a permission test with the testing helpers';

export const SPEC = 'apps/target-api/test/reports-stats.spec.ts';

export async function check() {
  const file = join(root, SPEC);
  if (!existsSync(file))
    throw new NotDone(
      `${SPEC} does not exist yet. Write it: see docs/workshop/06-permission-test.md.`,
    );
  const source = readFileSync(file, 'utf8');
  if (!source.includes('/reports/stats')) throw new NotDone(`${SPEC} never calls /reports/stats.`);
  if (!/@cern-sso\/api-access\/testing|from '\.\/helpers\.js'/.test(source)) {
    throw new NotDone(
      `${SPEC} should mint its tokens with @cern-sso/api-access/testing (directly or through test/helpers.js), not with the emulator.`,
    );
  }
  // Run it for real, with the package's own jest setup, and read the outcome jest reports.
  const app = join(root, 'apps/target-api');
  const out = join(mkdtempSync(join(tmpdir(), 'workshop-jest-')), 'result.json');
  const jest = spawnSync(
    process.execPath,
    [
      join(app, 'node_modules/jest/bin/jest.js'),
      'test/reports-stats.spec.ts',
      '--json',
      `--outputFile=${out}`,
    ],
    {
      cwd: app,
      env: { ...process.env, NODE_OPTIONS: '--experimental-vm-modules' },
      encoding: 'utf8',
    },
  );
  if (!existsSync(out))
    throw new NotDone(`jest could not run ${SPEC}:\n${jest.stderr.slice(-2000)}`);
  const result = JSON.parse(readFileSync(out, 'utf8'));
  rmSync(out, { force: true });
  const names = result.testResults.flatMap((suite) => suite.assertionResults);
  const failed = names.filter((test) => test.status !== 'passed');
  if (result.numFailedTestSuites > 0 || failed.length > 0) {
    const why =
      failed.map((test) => `  ✘ ${test.fullName}`).join('\n') || result.testResults[0]?.message;
    throw new NotDone(`${SPEC} fails:\n${why}`);
  }
  if (names.length < 3) {
    throw new NotDone(
      `${SPEC} has ${names.length} passing test(s); cover at least: the role (200), another role (403), no token (401).`,
    );
  }
  return `${SPEC}: ${names.length} tests pass:\n${names.map((test) => `  ✔ ${test.fullName}`).join('\n')}`;
}
