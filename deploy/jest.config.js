import base from '../jest.config.base.js';

// kubectl renders each overlay in a child process; give it room on a busy machine.
export default { ...base, testMatch: ['<rootDir>/test/**/*.spec.ts'], testTimeout: 60_000 };
