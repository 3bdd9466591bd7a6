export { startStack, type Stack, type StackOptions } from './start-stack.js';
export { forPeople, runUntilStopped, type RunOptions } from './run-until-stopped.js';
export { mainOf, startEmulatorProcess, type RunningEmulator } from './emulator-process.js';
