import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { startTestIssuer, type ServedTestIssuer } from '@cern-sso/api-access/testing';
import { IssuerProbe } from '../src/health/issuer-probe.js';

// Readiness probes arrive every few seconds from every replica; the SSO must not see each one.
describe('the issuer check behind /health', () => {
  let sso: ServedTestIssuer;
  const verifiers: AccessTokenVerifier[] = [];
  const probeFor = (issuer: string) => {
    const verifier = new AccessTokenVerifier({
      issuer,
      clientId: 'target-api',
      jwksUri: sso.jwksUri,
    });
    verifiers.push(verifier);
    return new IssuerProbe(verifier);
  };

  beforeEach(async () => {
    sso = await startTestIssuer();
  });
  afterEach(async () => {
    for (const verifier of verifiers.splice(0)) verifier.close();
    await sso.stop();
  });

  it('asks the SSO again only after 5 minutes once the issuer matched', async () => {
    const probe = probeFor(sso.issuer.issuer);
    const t0 = 1_000_000;
    expect(await probe.status(t0)).toMatchObject({ matches: true });
    await probe.status(t0 + 299_999);
    expect(sso.discoveryRequests()).toBe(1);
    expect(await probe.status(t0 + 300_000)).toMatchObject({ matches: true });
    expect(sso.discoveryRequests()).toBe(2);
  });

  it('asks again after 10 s while the issuer is wrong, so a fix shows up quickly', async () => {
    const probe = probeFor(`${sso.issuer.issuer}-wrong`);
    const t0 = 1_000_000;
    expect(await probe.status(t0)).toMatchObject({ matches: false });
    await probe.status(t0 + 9_999);
    expect(sso.discoveryRequests()).toBe(1);
    await probe.status(t0 + 10_000);
    expect(sso.discoveryRequests()).toBe(2);
  });
});
