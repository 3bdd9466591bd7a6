import { readFileSync } from 'node:fs';
import { identityAuthorizations, type MatrixIssuer } from './identity-tokens.js';
import { parseMatrix, type LoadMatrixOptions } from './load-matrix.js';
import type { Matrix } from './matrix.js';
import { MatrixFileError } from './matrix-errors.js';
import { describeMismatch } from './report-table.js';
import { runCell, type RunMatrixOptions } from './run-matrix.js';

export interface DescribeMatrixOptions
  extends Omit<RunMatrixOptions, 'issuer'>, Omit<LoadMatrixOptions, 'target'> {
  /**
   * The API under test, instead of the file's `target`. A function is called when the tests run,
   * so it can return the URL of an app started in `beforeAll` on port 0.
   */
  target?: string | (() => string);
  /** Mints `roles` identities; a function is called when the tests run (an issuer started in `beforeAll`). */
  issuer?: MatrixIssuer | (() => MatrixIssuer);
  /** Timeout of the set-up that gets every identity's token, in ms. Default jest's. */
  setupTimeoutMs?: number;
}

// The test runner's globals: this module never imports jest, so it runs under any runner that
// provides them (jest, vitest with globals) and the package does not depend on one.
interface TestGlobals {
  describe(name: string, body: () => void): void;
  it(name: string, body: () => Promise<void>): void;
  beforeAll(body: () => Promise<void>, timeout?: number): void;
}

/**
 * Declares one test per cell of the matrix in `file`: `<identity> <route> → <status>`. The file is
 * read when the tests are collected, so a bad file fails the suite with its line and problem;
 * tokens are obtained once, in a `beforeAll`.
 */
export function describeMatrix(file: string, options: DescribeMatrixOptions = {}): void {
  const { describe, it, beforeAll } = globalThis as unknown as TestGlobals;
  const { target } = options;
  // A URL known only when the tests run is filled in then; the file's target is not read.
  const placeholder = typeof target === 'function' ? 'http://target.invalid' : target;
  const parsed = parseMatrix(readText(file), file, { env: options.env, target: placeholder });
  describe(`permission matrix ${file}`, () => {
    let matrix: Matrix = parsed;
    let authorizations = new Map<string, string | undefined>();
    beforeAll(async () => {
      matrix =
        typeof target === 'function' ? { ...parsed, target: target().replace(/\/+$/, '') } : parsed;
      const { issuer } = options;
      authorizations = await identityAuthorizations(matrix, {
        ...options,
        issuer: typeof issuer === 'function' ? issuer() : issuer,
      });
    }, options.setupTimeoutMs);
    for (const cell of parsed.cells) {
      it(`${cell.identity.name} ${cell.route.name} → ${cell.expected}`, async () => {
        const authorization = authorizations.get(cell.identity.name);
        const result = await runCell(matrix, cell, authorization, {
          ...options,
          issuer: undefined,
        });
        if (!result.passed) throw new Error(describeMismatch(result));
      });
    }
  });
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw MatrixFileError.unreadable(file, error);
  }
}
