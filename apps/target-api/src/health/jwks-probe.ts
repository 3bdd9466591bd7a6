import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenVerifier, type KeySetState } from '@cern-sso/api-access/server';

/** The signing keys as /health shows them, times as ISO strings. */
export interface JwksStatus {
  /** `fresh`; `stale`: the JWKS cannot be fetched and the last good keys are used; `unavailable`. */
  state: KeySetState['status'];
  keys?: number;
  fetchedAt?: string;
  /** When fetching started to fail. */
  failingSince?: string;
  /** What fails, naming the JWKS URL (never a token or a secret). */
  problem?: string;
}

/** Readiness: can this API verify tokens? Reads the guard's key set; never asks the SSO itself. */
@Injectable()
export class JwksProbe {
  constructor(@Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier) {}

  async status(): Promise<JwksStatus> {
    let state = this.verifier.keySetState();
    // Before the first request nothing was fetched: the first health check loads the keys.
    if (state.status === 'unavailable' && state.since === undefined) {
      state = await this.verifier.refreshKeys();
    }
    const iso = (ms: number | undefined) =>
      ms === undefined ? undefined : new Date(ms).toISOString();
    return {
      state: state.status,
      ...(state.status === 'unavailable'
        ? {}
        : { keys: state.keys, fetchedAt: iso(state.fetchedAt) }),
      ...(state.status === 'fresh'
        ? {}
        : { failingSince: iso(state.since), problem: state.problem }),
    };
  }
}
