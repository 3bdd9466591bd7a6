import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const src = join(import.meta.dirname, '../../src');

/** The packages an entry point loads at run time, following its relative imports. */
function packagesLoadedBy(entry: string): string[] {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    // `import type` and `export type` are erased by the compiler: they load nothing.
    const statements = readFileSync(file, 'utf8').matchAll(
      /^(?:import|export) (?!type )[^;]*?from '([^']+)'/gms,
    );
    for (const [, specifier] of statements) {
      if (specifier!.startsWith('.'))
        visit(join(dirname(file), specifier!.replace(/\.js$/, '.ts')));
      else packages.add(specifier!);
    }
  };
  visit(join(src, entry));
  return [...packages].filter((name) => !name.startsWith('node:')).sort();
}

it('./errors loads no package at all: importable from anywhere', () => {
  expect(packagesLoadedBy('errors/index.ts')).toEqual([]);
});

it('@nestjs/swagger, an optional peer, is loaded by ./server/nestjs/swagger only', () => {
  expect(packagesLoadedBy('server/nestjs/swagger/index.ts')).toContain('@nestjs/swagger');
  for (const entry of ['server/nestjs/index.ts', 'server/index.ts', 'client/nestjs/index.ts']) {
    expect(packagesLoadedBy(entry)).not.toContain('@nestjs/swagger');
  }
});
