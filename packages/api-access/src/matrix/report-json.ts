import type { MatrixResult } from './run-matrix.js';

/**
 * The `--json` report, version 1 (docs/permission-matrix.md). Fields are only ever added;
 * a field that does not apply is `null`, never missing.
 */
export interface MatrixJsonReport {
  version: 1;
  file: string;
  target: string;
  passed: boolean;
  summary: { cells: number; passed: number; failed: number };
  durationMs: number;
  cells: {
    identity: string;
    route: string;
    expected: number;
    /** `null` when the call got no answer. */
    actual: number | null;
    passed: boolean;
    /** The target's refusal reason on a 4xx/5xx answer. */
    reason: {
      code: string | null;
      error: string | null;
      description: string | null;
      requiredRoles: readonly string[];
    } | null;
    /** Why there was no answer. */
    error: string | null;
    durationMs: number;
  }[];
}

export function toJsonReport(result: MatrixResult): MatrixJsonReport {
  const failed = result.cells.filter((cell) => !cell.passed).length;
  return {
    version: 1,
    file: result.file,
    target: result.target,
    passed: result.passed,
    summary: { cells: result.cells.length, passed: result.cells.length - failed, failed },
    durationMs: result.durationMs,
    cells: result.cells.map((cell) => ({
      identity: cell.identity,
      route: cell.route,
      expected: cell.expected,
      actual: cell.actual ?? null,
      passed: cell.passed,
      reason: cell.reason
        ? {
            code: cell.reason.code ?? null,
            error: cell.reason.error ?? null,
            description: cell.reason.description ?? null,
            requiredRoles: cell.reason.requiredRoles ?? [],
          }
        : null,
      error: cell.error ?? null,
      durationMs: cell.durationMs,
    })),
  };
}
