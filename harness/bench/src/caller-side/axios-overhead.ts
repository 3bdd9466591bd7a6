import axios, { type AxiosInstance } from 'axios';
import { TokenClient, withApiAccess } from '@cern-sso/api-access/client';
import { benchCaller } from '../support/naive-token.js';
import { median, nowMs, quantile } from '../support/stats.js';
import { startTrivialServer } from '../support/trivial-server.js';

export interface AxiosOverhead {
  /** µs per sequential request with `Authorization` set once on the instance (median of rounds). */
  fixedHeaderUs: number;
  /** µs per sequential request through `withApiAccess` with a warm token. */
  withApiAccessUs: number;
  /**
   * CPU µs that `withApiAccess` adds to one request: the median, over rounds, of the difference
   * in this process's CPU time between the two ways. CPU time, not wall time: other work on a
   * shared machine stretches wall time by more than the few µs measured here.
   */
  overheadCpuUs: number;
  /** Interquartile range of those per-round differences: an overhead below it is noise. */
  overheadSpreadCpuUs: number;
  rounds: number;
  requestsPerRound: number;
}

interface Round {
  wallUs: number;
  cpuUs: number;
}

/** Per-request cost of the axios integration against a server that answers at once. */
export async function measureAxiosOverhead(
  tokenEndpoint: string,
  audience: string,
  requestsPerRound = 200,
  rounds = 20,
): Promise<AxiosOverhead> {
  const server = await startTrivialServer();
  try {
    const client = new TokenClient(benchCaller(tokenEndpoint));
    const token = await client.getToken(audience);
    const fixed = axios.create({
      baseURL: server.url,
      headers: { Authorization: `Bearer ${token}` },
    });
    const integrated = withApiAccess(axios.create({ baseURL: server.url }), { client, audience });

    const timeRound = async (instance: AxiosInstance): Promise<Round> => {
      const cpu = process.cpuUsage();
      const start = nowMs();
      for (let i = 0; i < requestsPerRound; i++) await instance.get('/');
      const wallUs = ((nowMs() - start) * 1000) / requestsPerRound;
      const used = process.cpuUsage(cpu);
      return { wallUs, cpuUs: (used.user + used.system) / requestsPerRound };
    };
    await timeRound(fixed); // warm-up: connections, JIT
    await timeRound(integrated);
    const fixedRuns: Round[] = [];
    const integratedRuns: Round[] = [];
    // Alternate in short rounds so load from elsewhere falls on both ways alike.
    for (let round = 0; round < rounds; round++) {
      fixedRuns.push(await timeRound(fixed));
      integratedRuns.push(await timeRound(integrated));
    }
    const differences = integratedRuns.map((run, i) => run.cpuUs - fixedRuns[i]!.cpuUs);
    return {
      fixedHeaderUs: median(fixedRuns.map((run) => run.wallUs)),
      withApiAccessUs: median(integratedRuns.map((run) => run.wallUs)),
      overheadCpuUs: median(differences),
      overheadSpreadCpuUs: quantile(differences, 0.75) - quantile(differences, 0.25),
      rounds,
      requestsPerRound,
    };
  } finally {
    await server.close();
  }
}
