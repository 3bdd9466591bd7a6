export { startStack, type Stack, type StackOptions } from './start-stack.js';
export { forPeople, runUntilStopped, type RunOptions } from './run-until-stopped.js';
export {
  startEmulatorProcess,
  type EmulatorProcessOptions,
  type RunningEmulator,
} from './emulator-process.js';
export { emulatorAdmin, type EmulatorAdmin, type EmulatorStats } from './emulator-admin.js';
export { mainOf } from './entry-points.js';
