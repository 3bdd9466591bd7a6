import base from '../../jest.config.base.js';

// Each suite starts real processes; on a busy two-core machine that can take many seconds.
export default {
  ...base,
  testTimeout: 180_000,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
};
