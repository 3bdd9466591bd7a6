import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useMatrixFixture } from './support/matrix-fixture.js';

// The built bin in a child process, as CI runs it (the package's tests wait for its build).
const BIN = join(import.meta.dirname, '..', '..', 'dist', 'cli', 'api-access.js');

const fixture = useMatrixFixture();

/** Identities the CLI can get tokens for without the emulator: an application and no token. */
const CLI_MATRIX = `target: \${TARGET_URL}
audience: target-api
identities:
  ops:      { clientId: ops-bot, secretEnv: OPS_SECRET }
  no-token: { token: none }
routes:
  - GET /items
  - GET /items/admin
  - GET /items/health
expect:
  ops:      [403, 200, 200]
  no-token: [401, 401, 200]
`;

function cli(args: string[], env: Record<string, string> = fixture.env()) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { PATH: process.env.PATH ?? '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

it('exits 0 and prints the table when every cell matches', async () => {
  const file = await fixture.write('pass.yaml', CLI_MATRIX);
  const { code, stdout, stderr } = await cli(['matrix', 'run', file]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  expect(stdout).toContain(`Permission matrix ${file} against ${fixture.app.url}`);
  expect(stdout).toMatch(/^ops\s+403 ✓\s+200 ✓\s+200 ✓$/m);
  expect(stdout).toContain('PASS: all 6 cells as expected');
});

it('exits 1 on a mismatch, shows the reason, and writes --junit', async () => {
  const file = await fixture.write(
    'fail.yaml',
    CLI_MATRIX.replace('ops:      [403,', 'ops:      [200,'),
  );
  const junit = join(fixture.dir, 'report.xml');
  const { code, stdout } = await cli(['matrix', 'run', file, '--junit', junit]);
  expect(code).toBe(1);
  expect(stdout).toMatch(/^ops\s+✗ 200→403/m);
  expect(stdout).toContain(
    'ops GET /items: expected 200, got 403 (ERR_ROLE_MISSING insufficient_scope, requires: reader, ',
  );
  expect(await readFile(junit, 'utf8')).toContain('tests="6" failures="1" errors="0"');
});

it('--json prints the report for tools', async () => {
  const file = await fixture.write('json.yaml', CLI_MATRIX);
  const { code, stdout } = await cli(['matrix', 'run', file, '--json']);
  expect(code).toBe(0);
  expect(JSON.parse(stdout)).toMatchObject({
    version: 1,
    passed: true,
    summary: { cells: 6, passed: 6, failed: 0 },
  });
});

it('exits 2 on a bad file, naming file, line and problem, and calls nothing', async () => {
  const file = await fixture.write('bad.yaml', CLI_MATRIX.replace('[401, 401, 200]', '[401, 401]'));
  const { code, stdout, stderr } = await cli(['matrix', 'run', file]);
  expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
  expect(stderr).toContain(`${file}:12:13: expect.no-token: 2 statuses for 3 routes`);
});

it('exits 2 when a secret variable is unset, naming it and never a secret', async () => {
  const file = await fixture.write('setup.yaml', CLI_MATRIX);
  const { OPS_SECRET, ...env } = fixture.env();
  const { code, stderr } = await cli(['matrix', 'run', file], env);
  expect(code).toBe(2);
  expect(stderr).toContain('identity "ops": OPS_SECRET is not set');
  expect(stderr).not.toContain(OPS_SECRET);
});

it.each([
  [['matrix'], 'expected "matrix run <file>" or "matrix init", got "matrix"'],
  [['matrix', 'run'], 'expected "matrix run <file>"'],
  [['matrix', 'init'], 'matrix init needs --module <file> and --audience <client id>'],
  [['matrix', 'run', 'a.yaml', '--bogus'], "Unknown option '--bogus'"],
])('usage errors exit 2: %j', async (args, message) => {
  const { code, stderr } = await cli(args);
  expect(code).toBe(2);
  expect(stderr).toContain(message);
  expect(stderr).toContain('Usage: api-access matrix run <file>');
});
