import axios, { type AxiosInstance } from 'axios';
import { TokenClient, withApiAccess } from '@cern-sso/api-access/client';
import { runCallLoop } from '../support/call-loop.js';
import type { EmulatorProcess } from '../support/emulator-process.js';
import { benchCaller, fetchTokenNaively } from '../support/naive-token.js';
import { mean } from '../support/stats.js';

export interface EndToEnd {
  /** Calls/s with a token fetched once and set as a fixed header: the ceiling. */
  staticTokenPerSec: number;
  /** Calls/s through `withApiAccess` and the token client. */
  tokenClientPerSec: number;
  /** Calls/s when every call first fetches its own token. */
  naivePerSec: number;
  /** Token requests that reached the emulator per variant, over all rounds. */
  tokenRequests: { tokenClient: number; naive: number };
  concurrency: number;
}

/**
 * A caller calling the guarded route of the bench server, three ways, in turn and repeated so
 * drift on a shared machine hits each alike. Tokens come from the emulator; the naive caller's
 * are all new, so the target verifies each one as it would in production.
 */
export async function measureEndToEnd(
  emulator: EmulatorProcess,
  guardedUrl: string,
  audience: string,
  secondsPerRun: number,
  rounds: number,
  concurrency = 10,
): Promise<EndToEnd> {
  const credentials = benchCaller(emulator.tokenEndpoint);
  const staticToken = await fetchTokenNaively(credentials, audience);
  const fixed = axios.create({ headers: { Authorization: `Bearer ${staticToken}` } });
  const client = new TokenClient(credentials);
  const integrated = withApiAccess(axios.create(), { client, audience });
  const naive = async () => {
    const token = await fetchTokenNaively(credentials, audience);
    return axios.get(guardedUrl, { headers: { Authorization: `Bearer ${token}` } });
  };

  const rate = async (call: () => Promise<unknown>, seconds: number) =>
    (await runCallLoop(call, concurrency, seconds * 1000)).length / seconds;
  const get = (instance: AxiosInstance) => () => instance.get(guardedUrl);

  const variants = [
    { name: 'fixed', call: get(fixed) },
    { name: 'client', call: get(integrated) },
    { name: 'naive', call: naive },
  ] as const;
  const perSec = { fixed: [] as number[], client: [] as number[], naive: [] as number[] };
  const tokenRequests = { fixed: 0, client: 0, naive: 0 };
  for (let round = 0; round < rounds; round++) {
    // A short warm-up of each variant on the first round (connections, JIT).
    if (round === 0) for (const variant of variants) await rate(variant.call, 1);
    // Each round starts with another variant, so none is always measured first.
    for (let i = 0; i < variants.length; i++) {
      const variant = variants[(round + i) % variants.length]!;
      const before = await emulator.tokenRequests();
      perSec[variant.name].push(await rate(variant.call, secondsPerRun));
      tokenRequests[variant.name] += (await emulator.tokenRequests()) - before;
    }
  }
  return {
    staticTokenPerSec: mean(perSec.fixed),
    tokenClientPerSec: mean(perSec.client),
    naivePerSec: mean(perSec.naive),
    tokenRequests: { tokenClient: tokenRequests.client, naive: tokenRequests.naive },
    concurrency,
  };
}
