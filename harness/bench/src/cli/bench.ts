import { measureAxiosOverhead } from '../caller-side/axios-overhead.js';
import { measureColdStart } from '../caller-side/cold-start.js';
import { measureEndToEnd } from '../caller-side/end-to-end.js';
import { measureRefreshLatency } from '../caller-side/refresh-latency.js';
import { measureWarmGetToken } from '../caller-side/warm-get-token.js';
import { formatMarkdown } from '../report/format-markdown.js';
import { describeMachine } from '../report/machine.js';
import { headlinesOf, type CallerSide } from '../report/results.js';
import { writeResults } from '../report/write-results.js';
import { startBenchServer } from '../server-side/bench-server.js';
import { measureServerSide } from '../server-side/server-side.js';
import { measureVerifyCost } from '../server-side/verify-cost.js';
import { startEmulatorProcess } from '../support/emulator-process.js';
import { benchCaller, fetchDistinctTokens, fetchTokenNaively } from '../support/naive-token.js';
import { formatTracingCost } from '../tracing/format-tracing.js';
import { measureSpanCost } from '../tracing/span-cost.js';
import { measureTracingCost } from '../tracing/tracing-cost.js';
import { benchSettings, RESULTS_DIR } from './settings.js';

// `pnpm bench`: every figure of docs/benchmarks.md in one run. Progress goes to stderr, the
// table to stdout. Environment: see ./settings.ts (BENCH_SECONDS, BENCH_ROUNDS, BENCH_TOKENS,
// BENCH_PROFILE).
const AUDIENCE = 'target-api';
const { seconds, rounds, tokenCount, profileDir } = benchSettings();

const started = performance.now();
const step = (what: string) =>
  console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${what}`);

const machine = describeMachine();
step(`${machine.cpuModel} x${machine.cpuCount}, Node ${machine.node}, commit ${machine.commit}`);
const emulator = await startEmulatorProcess();
const credentials = benchCaller(emulator.tokenEndpoint);
try {
  step(`fetching 1 + ${tokenCount} tokens from the emulator`);
  const oneToken = await fetchTokenNaively(credentials, AUDIENCE);
  const distinct = await fetchDistinctTokens(credentials, AUDIENCE, tokenCount);

  const server = await startBenchServer(emulator.issuer, AUDIENCE, profileDir);
  let serverSide;
  let endToEnd;
  try {
    step(`resource server: 3 routes x 2 token sets x ${rounds} rounds of ${seconds} s`);
    serverSide = await measureServerSide(server, oneToken, distinct, seconds, rounds);
    step('end to end: static token, token client, naive');
    endToEnd = await measureEndToEnd(emulator, `${server.url}/guarded`, AUDIENCE, seconds, rounds);
  } finally {
    await server.stop();
  }
  step('verification cost per token, without HTTP');
  const verifyCost = await measureVerifyCost(emulator.issuer, AUDIENCE, distinct.slice(0, 2000));
  step('caller: cold start, warm getToken, axios overhead');
  const coldStart = await measureColdStart(emulator, AUDIENCE);
  const warmGetToken = await measureWarmGetToken(emulator.tokenEndpoint, AUDIENCE);
  const axiosOverhead = await measureAxiosOverhead(emulator.tokenEndpoint, AUDIENCE);
  step('caller: latency across proactive refreshes (a second emulator with 6 s tokens)');
  const refresh = await measureRefreshLatency(AUDIENCE);
  step('caller: the same without proactive refresh (the control: tokens fetched once expired)');
  const refreshAtExpiry = await measureRefreshLatency(AUDIENCE, { lifetimeFraction: 1 });

  const callerSide: CallerSide = {
    coldStart,
    warmGetToken,
    axiosOverhead,
    refresh,
    refreshAtExpiry,
    endToEnd,
  };
  const results = {
    machine,
    serverSide,
    verifyCost,
    callerSide,
    headlines: headlinesOf(serverSide, callerSide),
    totalSec: (performance.now() - started) / 1000,
  };
  const markdown = formatMarkdown(results);
  console.log(markdown);
  const files = await writeResults(RESULTS_DIR, results, markdown);
  step(`written: ${files.join(', ')}${profileDir ? `; server CPU profile in ${profileDir}` : ''}`);

  step('tracing: the bench server with OpenTelemetry off and on');
  const tracing = await measureTracingCost(emulator.issuer, AUDIENCE, oneToken, seconds, rounds);
  const spans = await measureSpanCost();
  console.log(`\n${formatTracingCost(tracing, spans)}`);
} finally {
  await emulator.stop();
}
