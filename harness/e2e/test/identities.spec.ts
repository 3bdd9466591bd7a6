import { decodeJwt } from 'jose';
import { TokenClient } from '@cern-sso/api-access/client';
import { type IdentityName, type IdentityReport } from '@cern-sso/demo-scenario';
import { runIdentityReports, type Endpoints, type IdentityOutcome } from '../src/index.js';
import { suiteTarget, type SuiteTarget } from './support/environment.js';

// The caller's /me for every demo identity: what the Authorization Service API says about it.
let target: SuiteTarget;
let outcomes: Record<IdentityName, IdentityOutcome>;

beforeAll(async () => {
  target = await suiteTarget();
  outcomes = await runIdentityReports(target.endpoints);
}, 60_000);
afterAll(() => target.close());

/** The roles a token for target-api carries for `clientId`: what target-api decides by. */
async function rolesInToken(endpoints: Endpoints, clientId: string): Promise<unknown> {
  const client = new TokenClient({
    tokenEndpoint: endpoints.tokenEndpoint,
    clientId,
    clientSecret: endpoints.secretOf(clientId),
  });
  return decodeJwt(await client.getToken(endpoints.audience)).cern_roles;
}

describe('GET /me as every demo identity', () => {
  it.each([
    ['caller', ['reader', 'writer']],
    ['ops-bot', ['admin']],
    ['auditor-bot', ['reader', 'auditor']],
  ] as const)(
    '%s: the roles it is reported to hold are the cern_roles of its token',
    async (name, roles) => {
      const outcome = outcomes[name];
      expect(outcome.status).toBe(200);
      const { report } = outcome as { report: IdentityReport };
      expect(report.identity.upn).toBe(name);
      expect(report.held).toEqual(roles);
      expect(report.held).toEqual(await rolesInToken(target.endpoints, name));
      for (const role of report.roles) {
        expect(role.via).toEqual(role.grantedTo.filter((group) => report.groups.includes(group)));
      }
    },
  );

  it.each([
    ['stranger', 403, 'requires any of the roles: reader'],
    ['no token', 401, expect.stringMatching(/token/)],
    ['standard endpoint', 401, expect.stringMatching(/aud/)],
    ['other audience', 401, expect.stringMatching(/aud/)],
  ] as const)('%s is refused: %i', (name, status, reason) => {
    expect(outcomes[name]).toEqual({ status, reason });
  });

  it('the caller service answers its own /me with the same report', async () => {
    const response = await fetch(`${target.callerUrl}/me`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual((outcomes.caller as { report: IdentityReport }).report);
  });
});
