// CommonJS entry points for the ESM build, run after tsc. The package is one ES module graph; a
// CommonJS app reaches it through Node's require(esm) (Node 20.19+), so no second copy of any
// class exists. What a CommonJS app needs besides is types read as CommonJS: a `.d.ts` of this
// ES module package makes TypeScript read axios's ESM typings while the app's own axios comes
// with its CJS ones, and the two AxiosInstance types do not match (TS2322). So each `.d.ts` gets
// a `.d.cts` twin whose relative imports point at the other twins, and each `require` entry of
// the exports map gets a one-line `.cjs` that hands back the ES module.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { stdout } from 'node:process';

const packageDir = join(import.meta.dirname, '..');
const dist = join(packageDir, 'dist');

const declarations = (await readdir(dist, { recursive: true })).filter((path) =>
  path.endsWith('.d.ts'),
);
for (const path of declarations) {
  const text = await readFile(join(dist, path), 'utf8');
  // `from './x.js'` and `import('./x.js')` alike: the twin of a relative import is its `.cjs`.
  const cjs = text.replace(/(['"])(\.{1,2}\/[^'"]*)\.js\1/g, '$1$2.cjs$1');
  await writeFile(join(dist, path.replace(/\.d\.ts$/, '.d.cts')), cjs);
}

const { exports } = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8'));
const entries = Object.values(exports)
  .map((conditions) => conditions.require?.default)
  .filter(Boolean);
for (const entry of entries) {
  const module = `./${basename(entry, '.cjs')}.js`;
  await writeFile(
    join(packageDir, entry),
    `'use strict';\nmodule.exports = require('${module}');\n`,
  );
}
stdout.write(`cjs-entries: ${declarations.length} .d.cts, ${entries.length} .cjs entry points\n`);
