import base from '../../jest.config.base.js';

// `pnpm test` runs the fast check that the docs are the fixtures' code. The consumer apps
// (test/*.e2e-spec.ts: installs from the npm registry, tsc, real processes) take minutes and run
// with `pnpm consumers`, a CI step of their own.
export default { ...base, testTimeout: 600_000 };
