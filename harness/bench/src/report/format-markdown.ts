import { ROUTES, type ServerSide, type TokenSetFigures } from '../server-side/server-side.js';
import type { Spread } from '../support/stats.js';
import type { BenchResults, Headline } from './results.js';

const fixed = (value: number, digits = 0) =>
  Number.isFinite(value) ? value.toFixed(digits) : 'n/a';
const ms = (value: number) => fixed(value, value < 10 ? 2 : 1);

function table(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A median over rounds with its spread: `0.93× (0.90–0.95)`. */
const ratioSpread = (spread: Spread) =>
  `${fixed(spread.median, 2)}× (${fixed(spread.min, 2)}–${fixed(spread.max, 2)})`;

function headlineRow(headline: Headline): string[] {
  const value =
    headline.spread !== undefined
      ? ratioSpread(headline.spread)
      : headline.unit === 'ratio'
        ? `${fixed(headline.value, 2)}×`
        : fixed(headline.value);
  const verdict = headline.met === undefined ? '' : headline.met ? 'met' : '**missed**';
  return [headline.name, value, headline.target ?? '', verdict];
}

/** The whole run as Markdown: what `pnpm bench` prints and writes next to the JSON. */
export function formatMarkdown(results: BenchResults): string {
  const { machine, serverSide: server, callerSide: caller } = results;
  const vc = results.verifyCost;
  const { warmGetToken: warm, axiosOverhead: ax, refresh, endToEnd: e2e } = caller;
  const refreshRow = (name: string, s: typeof refresh.around) => [
    name,
    fixed(s.calls),
    ms(s.p50Ms),
    ms(s.p99Ms),
    ms(s.maxMs),
  ];
  return [
    `## Benchmark results`,
    '',
    `${machine.cpuModel} (${machine.cpuCount} cores), ${machine.memoryGb} GB, ${machine.os}, ` +
      `Node ${machine.node}, commit ${machine.commit}, ${machine.date}, ` +
      `load average ${fixed(machine.loadAverageAtStart, 2)} at start, ${fixed(results.totalSec)} s in all.`,
    '',
    '### Headlines',
    '',
    table(['figure', 'value', 'target', ''], results.headlines.map(headlineRow)),
    '',
    formatServerSide(server),
    '',
    `### Verification cost per token, without HTTP (${results.verifyCost.tokens} tokens, CPU µs)`,
    '',
    table(
      ['step', 'CPU µs'],
      [
        ['RS256 signature check alone (`crypto.verify`, key parsed)', fixed(vc.signatureOnlyUs, 1)],
        ["the guard's verifier, token not seen before (every check)", fixed(vc.verifierMissUs, 1)],
        ["the guard's verifier, token seen before (cache hit)", fixed(vc.verifierHitUs, 2)],
        ['parsing the PEM (the tutorial recipe does it per request)', fixed(vc.pemParseUs, 1)],
      ],
    ),
    '',
    '### Caller: cold start',
    '',
    table(
      ['concurrent getToken', 'token requests at the emulator', 'distinct tokens', 'ms'],
      caller.coldStart.map((c) => [
        fixed(c.concurrent),
        fixed(c.tokenRequests),
        fixed(c.distinctTokens),
        ms(c.ms),
      ]),
    ),
    '',
    '### Caller: steady state',
    '',
    table(
      ['figure', 'value'],
      [
        ['warm `getToken`, CPU ns per call', fixed(warm.getTokenNs)],
        [
          'an `async` function returning a string, CPU ns per call (the floor)',
          fixed(warm.asyncFloorNs),
        ],
        ['axios request with a fixed header, µs', fixed(ax.fixedHeaderUs, 1)],
        ['axios request through `withApiAccess`, µs', fixed(ax.withApiAccessUs, 1)],
        [
          '`withApiAccess` overhead per request, CPU µs (± interquartile range)',
          `${fixed(ax.overheadCpuUs, 1)} ± ${fixed(ax.overheadSpreadCpuUs / 2, 1)}`,
        ],
      ],
    ),
    '',
    `### Caller: across a refresh (tokens live ${refresh.tokenLifetimeSec} s, refreshed halfway; ` +
      `${refresh.refreshes} refreshes; window ±${refresh.windowMs} ms)`,
    '',
    table(
      ['calls', 'count', 'p50 ms', 'p99 ms', 'max ms'],
      [refreshRow('around a refresh', refresh.around), refreshRow('away from it', refresh.away)],
    ),
    '',
    `\`getToken\` calls that waited for a token request: ${refresh.callsThatWaited} of ` +
      `${refresh.getTokenCalls}. The control, a client that fetches only once its token has ` +
      `expired (${caller.refreshAtExpiry.refreshes} fetches in the run): ` +
      `${caller.refreshAtExpiry.callsThatWaited} of ${caller.refreshAtExpiry.getTokenCalls} waited.`,
    '',
    `### End to end: caller → guarded route (${e2e.concurrency} calls in flight)`,
    '',
    table(
      ['caller', 'calls/s', '/ static', 'token requests'],
      [
        ['static pre-fetched token (ceiling)', fixed(e2e.staticTokenPerSec), '1.00', '0'],
        [
          'token client + `withApiAccess`',
          fixed(e2e.tokenClientPerSec),
          fixed(e2e.tokenClientPerSec / e2e.staticTokenPerSec, 2),
          fixed(e2e.tokenRequests.tokenClient),
        ],
        [
          'naive: a token per call',
          fixed(e2e.naivePerSec),
          fixed(e2e.naivePerSec / e2e.staticTokenPerSec, 2),
          fixed(e2e.tokenRequests.naive),
        ],
      ],
    ),
    '',
  ].join('\n');
}

/** The resource-server part: one table of the three routes under both token sets. */
export function formatServerSide(server: ServerSide): string {
  const routeRows = (figures: TokenSetFigures, tokens: string) =>
    ROUTES.map((route) => [
      route,
      tokens,
      fixed(figures.routes[route].requestsPerSec),
      fixed(figures.routes[route].cpuUsPerRequest),
      ms(figures.routes[route].p50Ms),
      ms(figures.routes[route].p99Ms),
      ratioSpread(figures.perPublic[route]),
    ]);
  return [
    `### Resource server (one process; ${server.rounds} rounds of ${server.secondsPerRun} s per route, 10 connections)`,
    '',
    table(
      [
        'route',
        'tokens',
        'requests/s',
        'server CPU µs / request',
        'p50 ms',
        'p99 ms',
        '/ public: median of rounds (min–max)',
      ],
      [
        ...routeRows(server.oneToken, 'one'),
        ...routeRows(server.distinctTokens, `${server.distinctTokenCount} distinct`),
      ],
    ),
    '',
    `Server process after a full GC: RSS ${fixed(server.memory.rssBeforeMb)} MB before the load, ` +
      `${fixed(server.memory.rssAfterMb)} MB after; heap used ${fixed(server.memory.heapUsedBeforeMb)} MB ` +
      `before, ${fixed(server.memory.heapUsedAfterMb)} MB after.`,
    '',
    `guarded / tutorial recipe, median of rounds (min–max): one token ` +
      `${ratioSpread(server.oneToken.guardedPerTutorial)}, ${server.distinctTokenCount} distinct ` +
      `tokens ${ratioSpread(server.distinctTokens.guardedPerTutorial)}.`,
  ].join('\n');
}
