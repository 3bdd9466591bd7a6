// jwks-rsa `require`s jose, which is ESM only. On Node >= 24.9 jest loads it with require(esm), and
// refuses with "Cannot require() ES Module ... in a cycle" when a test module's own
// `import ... from 'jose'` is still being linked. Loading jwks-rsa before any test module puts jose
// in jest's registry already evaluated, so later imports reuse it. (Older Node: swc compiles jose
// instead, see transformIgnorePatterns, and this is harmless.)
const { createRequire } = require('node:module');
const { join } = require('node:path');

const fromPackage = createRequire(join(process.cwd(), 'package.json'));
const candidates = [
  () => fromPackage.resolve('jwks-rsa'),
  () => createRequire(fromPackage.resolve('@cern-sso/api-access/package.json')).resolve('jwks-rsa'),
];
for (const resolve of candidates) {
  let path;
  try {
    path = resolve();
  } catch {
    continue; // a package that never reaches jwks-rsa
  }
  // Through jest's own require (this module runs inside jest), so the registry holds it.
  require(path);
  break;
}
