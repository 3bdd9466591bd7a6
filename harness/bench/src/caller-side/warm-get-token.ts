import { TokenClient } from '@cern-sso/api-access/client';
import { benchCaller } from '../support/naive-token.js';
import { cpuMicros } from '../support/cpu-time.js';
import { median } from '../support/stats.js';

export interface WarmGetToken {
  /** CPU ns per `await client.getToken(audience)` on a warm cache (median of rounds). */
  getTokenNs: number;
  /** ns per `await` of an async function returning a string: the floor for any async cache. */
  asyncFloorNs: number;
  iterations: number;
}

/** Steady state: what one `getToken` costs once the token is cached. */
export async function measureWarmGetToken(
  tokenEndpoint: string,
  audience: string,
  iterations = 200_000,
  rounds = 5,
): Promise<WarmGetToken> {
  const client = new TokenClient(benchCaller(tokenEndpoint));
  const cached = await client.getToken(audience);
  const floor = async (): Promise<string> => cached;

  const timeLoop = async (call: () => Promise<string>): Promise<number> => {
    const micros = await cpuMicros(async () => {
      for (let i = 0; i < iterations; i++) await call();
    });
    return (micros * 1000) / iterations;
  };
  const getTokenNs: number[] = [];
  const asyncFloorNs: number[] = [];
  // Alternate the two loops so drift on a shared machine hits both alike.
  for (let round = 0; round < rounds; round++) {
    getTokenNs.push(await timeLoop(() => client.getToken(audience)));
    asyncFloorNs.push(await timeLoop(floor));
  }
  return { getTokenNs: median(getTokenNs), asyncFloorNs: median(asyncFloorNs), iterations };
}
