import {
  describeFailure,
  IDENTITIES,
  lookUpIdentity,
  type IdentityName,
  type IdentityReport,
} from '@cern-sso/demo-scenario';
import { authzClientFor, type Endpoints } from './identity-client.js';

/** What the Authorization Service API told one identity about itself, or why it refused. */
export type IdentityOutcome =
  { status: 200; report: IdentityReport } | { status: number; reason: string };

/**
 * The caller's `GET /me`, done as every demo identity: the caller service has one identity, so
 * for the others the same `lookUpIdentity` calls the Authorization Service API with their tokens.
 */
export async function runIdentityReports(
  endpoints: Endpoints,
): Promise<Record<IdentityName, IdentityOutcome>> {
  const outcomes = {} as Record<IdentityName, IdentityOutcome>;
  for (const name of Object.keys(IDENTITIES) as IdentityName[]) {
    try {
      const http = authzClientFor(IDENTITIES[name], endpoints);
      outcomes[name] = { status: 200, report: await lookUpIdentity(http, endpoints.audience) };
    } catch (error) {
      outcomes[name] = describeFailure(error);
    }
  }
  return outcomes;
}
