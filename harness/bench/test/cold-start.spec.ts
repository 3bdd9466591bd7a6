import { measureColdStart } from '../src/caller-side/cold-start.js';
import { startEmulatorProcess, type EmulatorProcess } from '../src/support/emulator-process.js';

// The caller-side harness against the built emulator, as `pnpm bench` runs it: the token
// requests it reports are the ones the emulator counted.
let emulator: EmulatorProcess;

beforeAll(async () => {
  emulator = await startEmulatorProcess();
});

afterAll(async () => {
  await emulator.stop();
});

it('counts one token request for concurrent cold getToken calls, all given the same token', async () => {
  const results = await measureColdStart(emulator, 'target-api', [1, 100]);
  expect(
    results.map(({ concurrent, tokenRequests, distinctTokens }) => ({
      concurrent,
      tokenRequests,
      distinctTokens,
    })),
  ).toEqual([
    { concurrent: 1, tokenRequests: 1, distinctTokens: 1 },
    { concurrent: 100, tokenRequests: 1, distinctTokens: 1 },
  ]);
});
