import { Inject, Injectable } from '@nestjs/common';
import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { fetchProblem } from './fetch-problem.js';

export interface IssuerStatus {
  /** The SSO's discovery document names the issuer this API expects (SSO_ISSUER). */
  matches: boolean;
  discovery: string;
  problem?: string;
  checkedAt: string;
}

const PROBE_TIMEOUT_MS = 2_000;
// Readiness probes come every few seconds from every replica: a confirmed issuer is asked again
// only every 5 minutes, a wrong or unreachable one every 10 s, so a fix shows up quickly.
const RECHECK_MATCHED_MS = 300_000;
const RECHECK_FAILED_MS = 10_000;
const KEYCLOAK_CERTS_PATH = '/protocol/openid-connect/certs';

/**
 * Does the SSO call itself what this API expects in `iss`? A wrong SSO_ISSUER otherwise shows
 * only as a 401 on every token. Discovery is read beside the JWKS, the address this API really
 * reaches (behind Docker the issuer is a name for users, not an address for containers).
 */
@Injectable()
export class IssuerProbe {
  private last?: { at: number; status: Promise<IssuerStatus>; matched: boolean };
  readonly discoveryUrl: string;

  constructor(@Inject(AccessTokenVerifier) private readonly verifier: AccessTokenVerifier) {
    const { issuer, jwksUri } = verifier.options;
    const realm = jwksUri?.endsWith(KEYCLOAK_CERTS_PATH)
      ? jwksUri.slice(0, -KEYCLOAK_CERTS_PATH.length)
      : issuer;
    this.discoveryUrl = `${realm}/.well-known/openid-configuration`;
  }

  status(now = Date.now()): Promise<IssuerStatus> {
    const last = this.last;
    const interval = last?.matched ? RECHECK_MATCHED_MS : RECHECK_FAILED_MS;
    if (last !== undefined && now - last.at < interval) return last.status;
    const next = { at: now, status: this.probe(now), matched: false };
    void next.status.then((status) => (next.matched = status.matches));
    this.last = next;
    return next.status;
  }

  private async probe(now: number): Promise<IssuerStatus> {
    const base = {
      matches: false,
      discovery: this.discoveryUrl,
      checkedAt: new Date(now).toISOString(),
    };
    const where = `discovery ${this.discoveryUrl}`;
    try {
      const response = await fetch(this.discoveryUrl, {
        signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
      });
      if (!response.ok) return { ...base, problem: `${where} answered HTTP ${response.status}` };
      const { issuer } = (await response.json().catch(() => ({}))) as { issuer?: unknown };
      const expected = this.verifier.options.issuer;
      if (issuer === expected) return { ...base, matches: true };
      return {
        ...base,
        problem:
          typeof issuer === 'string'
            ? `${where} names the issuer "${issuer}", but SSO_ISSUER is "${expected}": every token will be refused (ERR_TOKEN_ISSUER_INVALID)`
            : `${where} has no "issuer"`,
      };
    } catch (error) {
      return { ...base, problem: `${where} ${fetchProblem(error)}` };
    }
  }
}
