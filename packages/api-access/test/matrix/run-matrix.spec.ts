import { execFile, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  formatTable,
  MatrixSetupError,
  parseMatrix,
  runMatrix,
  toJsonReport,
  toJUnitXml,
  type MatrixResult,
} from '../../src/matrix/index.js';
import { PASSING_MATRIX, useMatrixFixture } from './support/matrix-fixture.js';

const fixture = useMatrixFixture();

/** The passing matrix with some cells changed: `reader`'s GET /items/admin now expects 200. */
const MISMATCHED = PASSING_MATRIX.replace(
  'reader:    [200,    403,          403,            200,    200]',
  'reader:    [200,    200,          403,            200,    200]',
).replace(
  'no-token:  [401,    401,          401,            200,    401]',
  'no-token:  [200,    401,          401,            200,    401]',
);

async function run(text: string): Promise<MatrixResult> {
  const env = fixture.env();
  const matrix = parseMatrix(text, 'matrix.yaml', { env });
  return runMatrix(matrix, { env, issuer: fixture.idp.issuer, clock: () => 0 });
}

/** CI sets REQUIRE_XMLLINT=1 (`.ci/run` installs Debian's libxml2-utils): no skipping there. */
function itWithXmllint(): jest.It {
  const found = spawnSync('xmllint', ['--version']).error === undefined;
  if (found || process.env.REQUIRE_XMLLINT === '1') return it;
  process.stderr.write(
    'Skipping the JUnit schema check: no xmllint on PATH (apt-get install libxml2-utils, or brew install libxml2).\n',
  );
  return it.skip;
}

describe('a matrix the API honours', () => {
  it('passes every cell, with genuine tokens from the issuer and the SSO', async () => {
    const result = await run(PASSING_MATRIX);
    expect(result.cells.filter((cell) => !cell.passed)).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.cells).toHaveLength(25);
    expect(formatTable(result)).toContain('PASS: all 25 cells as expected');
  });
});

describe('a matrix the API does not honour', () => {
  let result: MatrixResult;
  beforeAll(async () => (result = await run(MISMATCHED)));

  it('fails exactly the mismatched cells, with the guard’s reason', () => {
    expect(result.passed).toBe(false);
    expect(result.cells.filter((cell) => !cell.passed)).toEqual([
      {
        identity: 'reader',
        route: 'GET /items/admin',
        expected: 200,
        actual: 403,
        passed: false,
        reason: {
          code: 'ERR_ROLE_MISSING',
          error: 'insufficient_scope',
          description: expect.stringContaining('admin'),
          requiredRoles: ['admin'],
        },
        durationMs: 0,
      },
      {
        identity: 'no-token',
        route: 'GET /items',
        expected: 200,
        actual: 401,
        passed: false,
        reason: {
          code: 'ERR_TOKEN_MISSING',
          error: 'unauthorized',
          description: expect.any(String),
        },
        durationMs: 0,
      },
    ]);
  });

  it('prints expected and actual in the table, and each mismatch with its reason', () => {
    const table = formatTable(result);
    expect(table).toContain('✗ 200→403');
    expect(table).toMatch(
      /reader GET \/items\/admin: expected 200, got 403 \(ERR_ROLE_MISSING insufficient_scope, requires: admin, /,
    );
    expect(table).toMatch(
      /no-token GET \/items: expected 200, got 401 \(ERR_TOKEN_MISSING unauthorized/,
    );
    expect(table).toContain('FAIL: 2 of 25 cells differ');
  });

  it('reports JSON in the documented shape', () => {
    const report = toJsonReport(result);
    expect(report).toMatchObject({
      version: 1,
      file: 'matrix.yaml',
      target: fixture.app.url,
      passed: false,
      summary: { cells: 25, passed: 23, failed: 2 },
      durationMs: 0,
    });
    expect(report.cells[1]).toEqual({
      identity: 'reader',
      route: 'GET /items/admin',
      expected: 200,
      actual: 403,
      passed: false,
      reason: {
        code: 'ERR_ROLE_MISSING',
        error: 'insufficient_scope',
        description: expect.any(String),
        requiredRoles: ['admin'],
      },
      error: null,
      durationMs: 0,
    });
    expect(report.cells[0]).toMatchObject({ actual: 200, passed: true, reason: null, error: null });
  });

  itWithXmllint()(
    'writes JUnit XML that the JUnit schema accepts, one testcase per cell, failures with the reason',
    async () => {
      const xml = toJUnitXml(result, { timestamp: new Date(0) });
      const file = join(fixture.dir, 'junit.xml');
      await writeFile(file, xml);
      const schema = join(import.meta.dirname, 'fixtures', 'junit.xsd');
      const xmllint = (path: string) =>
        promisify(execFile)('xmllint', ['--noout', '--schema', schema, path]);
      expect((await xmllint(file)).stderr).toContain('validates');
      // The schema check can fail: the same report with a testcase's name left out is refused.
      const nameless = join(fixture.dir, 'nameless.xml');
      await writeFile(nameless, xml.replace(/(<testcase classname="[^"]*") name="[^"]*"/, '$1'));
      await expect(xmllint(nameless)).rejects.toMatchObject({
        stderr: expect.stringContaining("The attribute 'name' is required but missing"),
      });
      expect(xml.match(/<testcase /g)).toHaveLength(25);
      expect(xml).toContain('tests="25" failures="2" errors="0"');
      expect(xml).toContain(
        '<testcase classname="reader" name="reader GET /items/admin" time="0.000">\n      <failure type="ERR_ROLE_MISSING" message="expected 200, got 403: ERR_ROLE_MISSING insufficient_scope, requires: admin, ',
      );
    },
  );
});

it('a target that does not answer: each cell fails with the connection error, as a JUnit <error>', async () => {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const env = { ...fixture.env(), TARGET_URL: `http://127.0.0.1:${port}` };
  const matrix = parseMatrix(PASSING_MATRIX, 'matrix.yaml', { env });
  const result = await runMatrix(matrix, { env, issuer: fixture.idp.issuer, clock: () => 0 });
  expect(result.passed).toBe(false);
  expect(result.cells[0]).toMatchObject({
    passed: false,
    error: `GET http://127.0.0.1:${port}/items: fetch failed (ECONNREFUSED)`,
  });
  expect(result.cells[0]).not.toHaveProperty('actual');
  expect(toJUnitXml(result)).toContain('errors="25"');
});

describe('an environment the matrix cannot run in: a setup error, and nothing is called', () => {
  it.each<[string, string, Record<string, string>, string]>([
    [
      'a roles identity against a real SSO',
      PASSING_MATRIX,
      {},
      'identity "reader" is defined by roles, which only the emulator or a test issuer can grant',
    ],
    [
      'an unset secret variable',
      PASSING_MATRIX,
      { OPS_SECRET: '' },
      'identity "ops": OPS_SECRET is not set (the client secret of ops-bot)',
    ],
    [
      'the emulator without its admin secret',
      PASSING_MATRIX.replace('audience: target-api', 'audience: target-api\nsso: { emulator: {} }'),
      {},
      'identity "reader": SSO_ADMIN_SECRET is not set',
    ],
  ])('%s', async (_, text, envChanges, problem) => {
    const env = { ...fixture.env(), ...envChanges };
    const matrix = parseMatrix(text, 'matrix.yaml', { env });
    const calls: string[] = [];
    const error = await runMatrix(matrix, {
      env,
      fetch: async (input) => {
        calls.push(String(input));
        throw new Error('nothing may be called');
      },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatrixSetupError);
    expect((error as MatrixSetupError).code).toBe('ERR_MATRIX_SETUP');
    expect((error as MatrixSetupError).problems).toContainEqual(expect.stringContaining(problem));
    expect(calls).toEqual([]);
  });
});
