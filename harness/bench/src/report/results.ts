import type { AxiosOverhead } from '../caller-side/axios-overhead.js';
import type { ColdStart } from '../caller-side/cold-start.js';
import type { EndToEnd } from '../caller-side/end-to-end.js';
import type { RefreshLatency } from '../caller-side/refresh-latency.js';
import type { WarmGetToken } from '../caller-side/warm-get-token.js';
import type { ServerSide } from '../server-side/server-side.js';
import type { VerifyCost } from '../server-side/verify-cost.js';
import type { Spread } from '../support/stats.js';
import type { Machine } from './machine.js';

export interface CallerSide {
  coldStart: ColdStart[];
  warmGetToken: WarmGetToken;
  axiosOverhead: AxiosOverhead;
  refresh: RefreshLatency;
  /** The control: the same calls with a client that fetches only once its token has expired. */
  refreshAtExpiry: RefreshLatency;
  endToEnd: EndToEnd;
}

/** A figure the issue sets a target for (or a ratio worth reading first). */
export interface Headline {
  name: string;
  value: number;
  /** For a figure measured in rounds (value is their median): every round's reading. */
  spread?: Spread;
  /** How the value is shown: a ratio (0.93×) or a count. */
  unit: 'ratio' | 'count';
  /** The target in words, or undefined when there is none (a comparison only). */
  target?: string;
  met?: boolean;
}

export interface BenchResults {
  machine: Machine;
  serverSide: ServerSide;
  verifyCost: VerifyCost;
  callerSide: CallerSide;
  headlines: Headline[];
  totalSec: number;
}

/** The refresh is invisible when calls around it are no slower, at p99, than this factor. */
export const REFRESH_STEP_LIMIT = 1.5;

export function headlinesOf(server: ServerSide, caller: CallerSide): Headline[] {
  const { oneToken: one, distinctTokens: many } = server;
  const ratio = (a: number, b: number) => a / b;
  const atLeast = (name: string, spread: Spread, target: number): Headline => ({
    name,
    value: spread.median,
    spread,
    unit: 'ratio',
    target: `>= ${target}`,
    met: spread.median >= target,
  });
  const step = ratio(caller.refresh.around.p99Ms, caller.refresh.away.p99Ms);
  return [
    atLeast('guarded / public, one token', one.perPublic.guarded, 0.9),
    atLeast(
      `guarded / public, ${server.distinctTokenCount} distinct tokens`,
      many.perPublic.guarded,
      0.5,
    ),
    atLeast('guarded / tutorial recipe, one token', one.guardedPerTutorial, 3),
    {
      name: `guarded / tutorial recipe, ${server.distinctTokenCount} distinct tokens`,
      value: many.guardedPerTutorial.median,
      spread: many.guardedPerTutorial,
      unit: 'ratio',
    },
    ...caller.coldStart.map((cold): Headline => ({
      name: `token requests for ${cold.concurrent} concurrent cold getToken`,
      value: cold.tokenRequests,
      unit: 'count',
      target: '= 1',
      met: cold.tokenRequests === 1,
    })),
    {
      name: 'calls that waited for a token across proactive refreshes',
      value: caller.refresh.callsThatWaited,
      unit: 'count',
      target: '= 0',
      met: caller.refresh.callsThatWaited === 0,
    },
    {
      name: 'p99 around a refresh / p99 away from it',
      value: step,
      unit: 'ratio',
      target: `<= ${REFRESH_STEP_LIMIT} (no visible step)`,
      met: step <= REFRESH_STEP_LIMIT,
    },
    {
      name: 'end to end: token client / static token',
      value: ratio(caller.endToEnd.tokenClientPerSec, caller.endToEnd.staticTokenPerSec),
      unit: 'ratio',
    },
    {
      name: 'end to end: naive (token per call) / static token',
      value: ratio(caller.endToEnd.naivePerSec, caller.endToEnd.staticTokenPerSec),
      unit: 'ratio',
    },
  ];
}
