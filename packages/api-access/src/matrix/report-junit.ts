import { formatReason } from './refusal-reason.js';
import type { CellResult, MatrixResult } from './run-matrix.js';

/**
 * JUnit XML (the Ant/Jenkins format CI systems read): one testsuite for the file, one testcase
 * per cell named `<identity> <route>`. A wrong status is a `<failure>` carrying the target's
 * refusal reason; a call without answer is an `<error>`.
 */
export function toJUnitXml(result: MatrixResult, options: { timestamp?: Date } = {}): string {
  const failures = result.cells.filter((cell) => !cell.passed && cell.actual !== undefined).length;
  const errors = result.cells.filter((cell) => cell.actual === undefined).length;
  const counts = `tests="${result.cells.length}" failures="${failures}" errors="${errors}" time="${seconds(result.durationMs)}"`;
  const timestamp = (options.timestamp ?? new Date()).toISOString().replace(/\.\d+Z$/, '');
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="permission matrix" ${counts}>`,
    `  <testsuite name="${attr(result.file)}" ${counts} timestamp="${timestamp}">`,
    `    <properties><property name="target" value="${attr(result.target)}"/></properties>`,
    ...result.cells.map(testcase),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function testcase(cell: CellResult): string {
  const open = `    <testcase classname="${attr(cell.identity)}" name="${attr(`${cell.identity} ${cell.route}`)}" time="${seconds(cell.durationMs)}"`;
  if (cell.passed) return `${open}/>`;
  const reason = formatReason(cell.reason);
  const [tag, type, message] =
    cell.actual === undefined
      ? ['error', 'no-answer', `expected ${cell.expected}, got no answer: ${cell.error}`]
      : [
          'failure',
          cell.reason?.code ?? 'status',
          `expected ${cell.expected}, got ${cell.actual}${reason ? `: ${reason}` : ''}`,
        ];
  return `${open}>\n      <${tag} type="${attr(type)}" message="${attr(message)}">${text(message)}</${tag}>\n    </testcase>`;
}

function seconds(ms: number): string {
  return (Math.max(0, ms) / 1000).toFixed(3);
}

// XML 1.0 allows neither most control characters nor lone surrogates, escaped or not.
function clean(value: string): string {
  return value.replace(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '?');
}

function text(value: string): string {
  return clean(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(value: string): string {
  return text(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;')
    .replace(/\r/g, '&#13;');
}
