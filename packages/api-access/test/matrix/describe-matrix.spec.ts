import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  describeMatrix,
  MatrixFileError,
  type DescribeMatrixOptions,
} from '../../src/matrix/index.js';
import { useMatrixFixture } from './support/matrix-fixture.js';

// describeMatrix reads its file when the tests are collected, so the files exist before.
const dir = mkdtempSync(join(tmpdir(), 'describe-matrix-'));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** What a team keeps in its own suite: identities by roles, minted by its test issuer. */
const ROLES_MATRIX = `target: \${TARGET_URL}
audience: target-api
identities:
  reader:   { roles: [reader] }
  admin:    { roles: [admin] }
  no-token: { token: none }
routes:
  - GET /items
  - GET /items/admin
expect:
  reader:   [200, 403]
  admin:    [403, 200]
  no-token: [401, 401]
`;

const fixture = useMatrixFixture();
const options = (): DescribeMatrixOptions => ({
  target: () => fixture.app.url,
  issuer: () => fixture.idp.issuer,
});

// The helper used as documented: these six tests are real jest tests.
describeMatrix(file('roles.yaml', ROLES_MATRIX), options());

/** Calls describeMatrix with stand-in test globals and returns what it declared. */
function declared(path: string, opts: DescribeMatrixOptions) {
  const suites: string[] = [];
  const tests: { name: string; body: () => Promise<void> }[] = [];
  const setups: (() => Promise<void>)[] = [];
  const real = {
    describe: globalThis.describe,
    it: globalThis.it,
    beforeAll: globalThis.beforeAll,
  };
  Object.assign(globalThis, {
    describe: (name: string, body: () => void) => (suites.push(name), body()),
    it: (name: string, body: () => Promise<void>) => tests.push({ name, body }),
    beforeAll: (body: () => Promise<void>) => setups.push(body),
  });
  try {
    describeMatrix(path, opts);
  } finally {
    Object.assign(globalThis, real);
  }
  return { suites, tests, setups };
}

describe('describeMatrix', () => {
  it('declares one test per cell, named after identity, route and status', () => {
    const path = file('names.yaml', ROLES_MATRIX);
    const { suites, tests } = declared(path, options());
    expect(suites).toEqual([`permission matrix ${path}`]);
    expect(tests.map((test) => test.name)).toEqual([
      'reader GET /items → 200',
      'reader GET /items/admin → 403',
      'admin GET /items → 403',
      'admin GET /items/admin → 200',
      'no-token GET /items → 401',
      'no-token GET /items/admin → 401',
    ]);
  });

  it('a mismatched cell fails its test with the target’s reason; the others pass', async () => {
    const path = file(
      'mismatch.yaml',
      ROLES_MATRIX.replace('reader:   [200, 403]', 'reader:   [200, 200]'),
    );
    const { tests, setups } = declared(path, options());
    for (const setup of setups) await setup();
    const outcomes = await Promise.all(
      tests.map((test) =>
        test.body().then(
          () => 'passed',
          (error: Error) => error.message,
        ),
      ),
    );
    expect(outcomes).toEqual([
      'passed',
      expect.stringMatching(
        /^reader GET \/items\/admin: expected 200, got 403 \(ERR_ROLE_MISSING insufficient_scope, requires: admin, /,
      ),
      'passed',
      'passed',
      'passed',
      'passed',
    ]);
  });

  it('a bad file fails when the tests are collected, with its line and problem', () => {
    const path = file(
      'bad.yaml',
      ROLES_MATRIX.replace('admin:    [403, 200]', 'admin:    [403, 200, 200]'),
    );
    expect(() => declared(path, options())).toThrow(MatrixFileError);
    expect(() => declared(path, options())).toThrow(
      `${path}:12:13: expect.admin: 3 statuses for 2 routes`,
    );
  });
});
