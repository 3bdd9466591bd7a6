import base from '../../jest.config.base.js';

// Some suites start the built emulator as a process; on a busy two-core machine that takes seconds.
export default { ...base, testTimeout: 90_000 };
