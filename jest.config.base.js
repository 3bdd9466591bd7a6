// Shared jest setup: native ESM and @swc/jest for TypeScript with Nest's legacy decorators and
// their metadata. Every package's `test` script runs jest with
// NODE_OPTIONS='--experimental-vm-modules --disable-warning=ExperimentalWarning': the first turns
// on native ESM, the second drops the "VM Modules is an experimental feature" line that Node would
// otherwise print once per package.
import { join } from 'node:path';

/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  // Sources import siblings as `./x.js` (NodeNext); jest resolves the `.ts` file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.(t|j)s$': [
      '@swc/jest',
      {
        jsc: {
          target: 'es2022',
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
        },
      },
    ],
  },
  // jwks-rsa `require`s jose, which is ESM only: let swc compile jose for jest's CommonJS loader
  // (Node < 24.9 cannot `require` ESM inside jest). pnpm nests real paths under `.pnpm/`.
  transformIgnorePatterns: ['/node_modules/(?!(\\.pnpm|jose)/)'],
  // Node >= 24.9 requires jose natively instead; see the file for why it loads jwks-rsa first.
  setupFiles: [join(import.meta.dirname, 'jest.preload-jwks-rsa.cjs')],
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 20_000,
};
