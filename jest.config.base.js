// Shared jest setup: native ESM (run with NODE_OPTIONS=--experimental-vm-modules) and
// @swc/jest for TypeScript with Nest's legacy decorators and their metadata.
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
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
  testTimeout: 20_000,
};
