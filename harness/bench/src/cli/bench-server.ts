import { formatServerSide } from '../report/format-markdown.js';
import { startBenchServer } from '../server-side/bench-server.js';
import { measureServerSide } from '../server-side/server-side.js';
import { startEmulatorProcess } from '../support/emulator-process.js';
import { benchCaller, fetchDistinctTokens, fetchTokenNaively } from '../support/naive-token.js';
import { benchSettings } from './settings.js';

// `pnpm bench:server`: the resource-server part of `pnpm bench` alone (about a third of its
// time), for comparing changes to the guard run after run. Same settings; Markdown on stdout.
const AUDIENCE = 'target-api';
const { seconds, rounds, tokenCount, profileDir } = benchSettings();
const emulator = await startEmulatorProcess();
try {
  const credentials = benchCaller(emulator.tokenEndpoint);
  const oneToken = await fetchTokenNaively(credentials, AUDIENCE);
  const distinct = await fetchDistinctTokens(credentials, AUDIENCE, tokenCount);
  const server = await startBenchServer(emulator.issuer, AUDIENCE, profileDir);
  try {
    const figures = await measureServerSide(server, oneToken, distinct, seconds, rounds);
    console.log(formatServerSide(figures));
  } finally {
    await server.stop();
  }
} finally {
  await emulator.stop();
}
