import { TokenClient } from '@cern-sso/api-access/client';
import type { EmulatorProcess } from '../support/emulator-process.js';
import { benchCaller } from '../support/naive-token.js';
import { nowMs } from '../support/stats.js';

export interface ColdStart {
  /** Concurrent `getToken` calls on a fresh client. */
  concurrent: number;
  /** Token requests the emulator received for them (target: 1). */
  tokenRequests: number;
  /** Distinct tokens the callers got (1 when they all shared the request). */
  distinctTokens: number;
  /** Until the last caller had its token. */
  ms: number;
}

/** N callers at once on a cold cache: how many token requests reach the SSO. */
export async function measureColdStart(
  emulator: EmulatorProcess,
  audience: string,
  counts: readonly number[] = [1, 10, 100, 1000],
): Promise<ColdStart[]> {
  const results: ColdStart[] = [];
  for (const concurrent of counts) {
    const client = new TokenClient(benchCaller(emulator.tokenEndpoint));
    const before = await emulator.tokenRequests();
    const start = nowMs();
    const tokens = await Promise.all(
      Array.from({ length: concurrent }, () => client.getToken(audience)),
    );
    const ms = nowMs() - start;
    results.push({
      concurrent,
      tokenRequests: (await emulator.tokenRequests()) - before,
      distinctTokens: new Set(tokens).size,
      ms,
    });
  }
  return results;
}
