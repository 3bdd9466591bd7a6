import base from '../../jest.config.base.js';

// The tests run the built launchers as processes; on a busy two-core machine that takes seconds.
export default { ...base, testTimeout: 180_000 };
