import { formatReason } from './refusal-reason.js';
import type { CellResult, MatrixResult } from './run-matrix.js';

/**
 * The human report: one row per identity, one column per route. A cell reads `403 ✓` when the
 * target answered the expected 403, `✗ 403→200` when 403 was expected and 200 came; every
 * mismatch is then listed with the target's refusal reason.
 */
export function formatTable(result: MatrixResult): string {
  const identities = [...new Set(result.cells.map((cell) => cell.identity))];
  const routes = [...new Set(result.cells.map((cell) => cell.route))];
  const cellOf = (identity: string, route: string) =>
    result.cells.find((cell) => cell.identity === identity && cell.route === route)!;
  const rows = [
    ['', ...routes],
    ...identities.map((identity) => [
      identity,
      ...routes.map((route) => shortCell(cellOf(identity, route))),
    ]),
  ];
  const widths = routes.map((_, i) => Math.max(...rows.map((row) => row[i + 1]!.length)));
  const first = Math.max(...rows.map((row) => row[0]!.length));
  const lines = rows.map((row) =>
    [row[0]!.padEnd(first), ...row.slice(1).map((text, i) => text.padEnd(widths[i]!))]
      .join('  ')
      .trimEnd(),
  );
  const failed = result.cells.filter((cell) => !cell.passed);
  const out = [`Permission matrix ${result.file} against ${result.target}`, '', ...lines, ''];
  if (failed.length > 0) {
    out.push(`${failed.length} of ${result.cells.length} cells differ from the matrix:`);
    for (const cell of failed) out.push(`  ${describeMismatch(cell)}`);
    out.push('', `FAIL: ${failed.length} of ${result.cells.length} cells differ`);
  } else {
    out.push(`PASS: all ${result.cells.length} cells as expected`);
  }
  return `${out.join('\n')}\n`;
}

/** `reader-app DELETE /reports/{id}: expected 403, got 200`, plus the reason when refused. */
export function describeMismatch(cell: CellResult): string {
  const got = cell.actual === undefined ? `no answer (${cell.error})` : String(cell.actual);
  const reason = formatReason(cell.reason);
  return `${cell.identity} ${cell.route}: expected ${cell.expected}, got ${got}${reason ? ` (${reason})` : ''}`;
}

function shortCell(cell: CellResult): string {
  if (cell.passed) return `${cell.actual} ✓`;
  return `✗ ${cell.expected}→${cell.actual ?? 'none'}`;
}
