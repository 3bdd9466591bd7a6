/** A code block of the docs page marked `<!-- fixture: <path> -->`: the fixture file it shows. */
export interface FixtureSnippet {
  /** Path under a fixture's src/, e.g. `api/app.module.ts`. */
  path: string;
  code: string;
}

const SNIPPET = /<!-- fixture: (\S+) -->\n+```ts\n([\s\S]*?)```/g;

export function fixtureSnippets(markdown: string): FixtureSnippet[] {
  return [...markdown.matchAll(SNIPPET)].map(([, path, code]) => ({ path: path!, code: code! }));
}

/**
 * The packages of the page's install command for the guard side (`npm install <packages>`), which
 * the consumer test runs with the packed tarball in place of `@cern-sso/api-access`.
 */
export function installedPackages(markdown: string): string[] {
  const command = /^npm install (@cern-sso\/api-access(?: [@\w/.-]+)*)/m.exec(markdown);
  if (!command) throw new Error('no `npm install @cern-sso/api-access ...` line in the docs page');
  return command[1]!.split(' ');
}

/** The page's table of lines of code per side: `| guard | 17 |` gives `{ guard: 17 }`. */
export function statedLineCounts(markdown: string): Record<string, number> {
  const rows = markdown.matchAll(/^\| (guard|token client) +\| (\d+) +\|/gm);
  return Object.fromEntries([...rows].map(([, side, count]) => [side!, Number(count)]));
}
