import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSnippets, installedPackages, statedLineCounts } from '../src/docs-snippets.js';
import { relative } from 'node:path';
import {
  beforeDir,
  copyIntoYourServicePath,
  DOC_PAGES,
  fixtureDir,
  FIXTURES,
  SIDES,
  type Side,
} from '../src/fixtures.js';
import { addedLinesOfCode } from '../src/lines-of-code.js';

const docs = readFileSync(copyIntoYourServicePath, 'utf8');
const snippets = fixtureSnippets(docs);

/** The files of a fixture's src/ that the docs must show: all but the template's main.ts. */
function shownFiles(fixture: (typeof FIXTURES)[number]): string[] {
  const src = join(fixtureDir(fixture), 'src');
  return (readdirSync(src, { recursive: true }) as string[])
    .filter((path) => path.endsWith('.ts') && !path.endsWith('main.ts'))
    .sort();
}

/** What copy-into-your-service.md's code for one side adds to an existing app (fixtures/before/), in lines. */
function addedLines(side: Side): string[] {
  return snippets
    .filter(({ path }) => path.startsWith(`${side}/`))
    .flatMap(({ path, code }) => {
      const before = join(beforeDir, path);
      return addedLinesOfCode(existsSync(before) ? readFileSync(before, 'utf8') : '', code);
    });
}

const shown = DOC_PAGES.flatMap((page) =>
  fixtureSnippets(readFileSync(page, 'utf8')).map((snippet) => ({
    page: relative(join(import.meta.dirname, '..', '..', '..'), page),
    ...snippet,
  })),
);

describe('the docs show the consumer fixtures, character for character', () => {
  it.each(FIXTURES)('show every file of the %s fixture but main.ts', (fixture) => {
    expect([...new Set(shown.map(({ path }) => path))].sort()).toEqual(shownFiles(fixture));
  });

  describe.each(FIXTURES)('the %s fixture', (fixture) => {
    it.each(shown)('has $path exactly as $page shows it', ({ path, code }) => {
      expect(readFileSync(join(fixtureDir(fixture), 'src', path), 'utf8')).toBe(code);
    });
  });

  it('step by step, the app needs no axios of its own (types come from the package)', () => {
    for (const { code } of snippets) expect(code).not.toMatch(/from 'axios'/);
  });

  it('installs what the page says to install, the package first', () => {
    expect(installedPackages(docs)).toEqual([
      '@cern-sso/api-access',
      '@nestjs/passport',
      'passport',
    ]);
  });

  it.each((Object.entries(SIDES) as [Side, string][]).map(([side, name]) => [name, side] as const))(
    'states the lines of code the %s side adds, under 20',
    (name, side) => {
      const count = addedLines(side).length;
      expect(statedLineCounts(docs)[name]).toBe(count);
      expect(count).toBeLessThan(20);
    },
  );
});

describe('addedLinesOfCode', () => {
  it('counts added and changed lines, not blank lines, comments or kept ones', () => {
    const before = "import { A } from 'a';\n\nexport const a = new A();\n";
    const after =
      "// a comment\nimport { A } from 'a';\nimport { B } from 'b';\n\nexport const a = new A(new B());\n";
    expect(addedLinesOfCode(before, after)).toEqual([
      "import { B } from 'b';",
      'export const a = new A(new B());',
    ]);
  });

  it('leaves out the options a useFactory returns (configuration), not the call around them', () => {
    const after = [
      'M.forRootAsync({',
      '  useFactory: () => ({',
      '    issuer: process.env.SSO_ISSUER!, // https://auth.cern.ch/auth/realms/cern',
      '    clientId: process.env.API_CLIENT_ID!,',
      '  }),',
      '}),',
    ].join('\n');
    expect(addedLinesOfCode('', after)).toEqual([
      'M.forRootAsync({',
      '  useFactory: () => ({',
      '  }),',
      '}),',
    ]);
  });
});
