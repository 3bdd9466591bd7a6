import { readFileSync } from 'node:fs';
import * as client from '../../src/client/index.js';
import * as errors from '../../src/errors/index.js';
import * as matrix from '../../src/matrix/index.js';
import { ERROR_CATALOGUE, type ApiAccessErrorCode } from '../../src/errors/index.js';
import * as server from '../../src/server/index.js';

/** Every exported class with a `static code`, by that code. */
function classesByCode(module: object): Map<string, unknown> {
  const found = Object.values(module).filter(
    (value) =>
      typeof value === 'function' && typeof (value as { code?: unknown }).code === 'string',
  );
  return new Map(found.map((value) => [(value as { code: string }).code, value]));
}

const all = Object.keys(ERROR_CATALOGUE) as ApiAccessErrorCode[];
const refusals = all.filter((code) => ERROR_CATALOGUE[code].side === 'api');
const thrownByClient = all.filter((code) =>
  ['caller', 'both'].includes(ERROR_CATALOGUE[code].side),
);
const thrownByMatrix = all.filter((code) => ERROR_CATALOGUE[code].side === 'matrix');

describe('the catalogue', () => {
  it('has one entry per error class of ./errors, and nothing else', () => {
    expect([...classesByCode(errors).keys()].sort()).toEqual([...all].sort());
  });

  it('gives every refusal an HTTP status, and no other code one', () => {
    expect(refusals.length).toBeGreaterThanOrEqual(19);
    expect(all.filter((code) => ERROR_CATALOGUE[code].status !== undefined)).toEqual(refusals);
  });

  it.each([
    ['./client', client, thrownByClient],
    ['./server', server, [...refusals, 'ERR_INVALID_OPTION']],
    ['./matrix', matrix, thrownByMatrix],
  ] as const)('%s still exports the same classes as ./errors', (_entry, module, codes) => {
    const fromErrors = classesByCode(errors);
    const fromEntry = classesByCode(module);
    expect([...fromEntry.keys()].sort()).toEqual([...codes].sort());
    for (const [code, errorClass] of fromEntry) expect(errorClass).toBe(fromErrors.get(code));
  });
});

// Where the docs table the codes, and which codes each table must list.
const docs: [file: string, mustList: readonly string[]][] = [
  ['README.md', all],
  ['packages/api-access/README.md', all],
  ['docs/guard.md', refusals],
  ['docs/token-client.md', thrownByClient],
  ['docs/troubleshooting.md', []],
];

/** The `ERR_*` codes named in the rows of a Markdown file's tables. */
function tabledCodes(markdown: string): Set<string> {
  const rows = markdown.split('\n').filter((line) => line.startsWith('|'));
  return new Set(rows.flatMap((row) => [...row.matchAll(/`(ERR_[A-Z_]+)`/g)].map((m) => m[1]!)));
}

describe.each(docs)("%s's error tables", (file, mustList) => {
  const tabled = tabledCodes(readFileSync(new URL(`../../../../${file}`, import.meta.url), 'utf8'));

  it('list every code they should', () => {
    expect(mustList.filter((code) => !tabled.has(code))).toEqual([]);
  });

  it('name no code the package does not have', () => {
    expect([...tabled].filter((code) => !(code in ERROR_CATALOGUE))).toEqual([]);
  });
});

/** Each table row that names one code, as its trimmed cells, by that code. */
function rowsByCode(markdown: string, codeColumn: number): Map<string, string[]> {
  const rows = markdown
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) =>
      line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim()),
    )
    .filter((cells) => /^`ERR_[A-Z_]+`$/.test(cells[codeColumn] ?? ''));
  return new Map(rows.map((cells) => [cells[codeColumn]!.slice(1, -1), cells]));
}

describe("guard.md's refusal table", () => {
  const rows = rowsByCode(
    readFileSync(new URL('../../../../docs/guard.md', import.meta.url), 'utf8'),
    2,
  );

  it.each(refusals)('gives %s the status and challenge of the catalogue', (code) => {
    const { status, rfc6750 } = ERROR_CATALOGUE[code];
    const [shownStatus, shownError] = rows.get(code) ?? [];
    expect(shownStatus).toBe(String(status));
    if (rfc6750 === 'none') expect(shownError).toMatch(/^\(no/);
    else expect(shownError).toBe(`\`${rfc6750}\``);
  });
});

describe("the package README's table", () => {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const rows = new Map([...rowsByCode(readme, 0)].map(([code, cells]) => [code, cells.slice(1)]));

  it.each(all)('says of %s what the catalogue says', (code) => {
    const { side, status, rfc6750, meaning } = ERROR_CATALOGUE[code];
    const challenge = rfc6750 !== 'none' ? `\`${rfc6750}\`` : status ? '(none)' : '';
    expect(rows.get(code)).toEqual([side, String(status ?? ''), challenge, meaning]);
  });
});
