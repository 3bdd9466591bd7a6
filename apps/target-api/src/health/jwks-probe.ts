import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { fetchProblem } from './fetch-problem.js';

export interface JwksStatus {
  reachable: boolean;
  keys?: number;
  problem?: string;
  checkedAt: string;
}

const PROBE_TIMEOUT_MS = 2_000;
/** Health checks come every few seconds; the SSO sees at most one probe per this interval. */
const PROBE_INTERVAL_MS = 10_000;

/** Readiness: can this API fetch the keys it needs to verify tokens? */
@Injectable()
export class JwksProbe {
  private last?: { at: number; status: Promise<JwksStatus> };

  constructor(@Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier) {}

  status(now = Date.now()): Promise<JwksStatus> {
    if (!this.last || now - this.last.at >= PROBE_INTERVAL_MS) {
      this.last = { at: now, status: this.probe(now) };
    }
    return this.last.status;
  }

  private async probe(now: number): Promise<JwksStatus> {
    const checkedAt = new Date(now).toISOString();
    const url = this.verifier.options.jwksUri;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      if (!response.ok)
        return {
          reachable: false,
          problem: `JWKS ${url} answered HTTP ${response.status}`,
          checkedAt,
        };
      const { keys } = (await response.json()) as { keys?: unknown };
      if (!Array.isArray(keys))
        return { reachable: false, problem: `JWKS ${url} has no "keys" array`, checkedAt };
      return { reachable: true, keys: keys.length, checkedAt };
    } catch (error) {
      return { reachable: false, problem: `JWKS ${url} ${fetchProblem(error)}`, checkedAt };
    }
  }
}
