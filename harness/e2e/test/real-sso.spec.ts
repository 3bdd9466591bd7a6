import { TokenClient } from '@cern-sso/api-access/client';
import { AccessTokenVerifier } from '@cern-sso/api-access/server';

/**
 * Against the real CERN SSO, with an application registered in the Applications Portal:
 * CERN_SSO_CLIENT_ID, CERN_SSO_CLIENT_SECRET and CERN_SSO_AUDIENCE (the target's client id).
 * CERN_SSO_ISSUER defaults to https://auth.cern.ch/auth/realms/cern. Never runs in CI: it
 * needs credentials and a network this project's machines do not have.
 */
const real = {
  clientId: process.env.CERN_SSO_CLIENT_ID,
  clientSecret: process.env.CERN_SSO_CLIENT_SECRET,
  audience: process.env.CERN_SSO_AUDIENCE,
  issuer: process.env.CERN_SSO_ISSUER ?? 'https://auth.cern.ch/auth/realms/cern',
};
const configured = Boolean(real.clientId && real.clientSecret && real.audience);
const suite = configured ? describe : describe.skip;

suite(
  `real CERN SSO${configured ? '' : ' (skipped: set CERN_SSO_CLIENT_ID, CERN_SSO_CLIENT_SECRET, CERN_SSO_AUDIENCE)'}`,
  () => {
    it('issues an API Access token that the guard’s verifier accepts for the audience', async () => {
      const client = new TokenClient({
        tokenEndpoint: `${real.issuer}/api-access/token`,
        clientId: real.clientId!,
        clientSecret: real.clientSecret!,
      });
      const token = await client.getToken(real.audience!);
      const principal = await new AccessTokenVerifier({
        issuer: real.issuer,
        clientId: real.audience!,
      }).verify(token);
      expect(principal).toMatchObject({
        clientId: real.clientId,
        subject: `service-account-${real.clientId}`,
        isApplication: true,
      });
      expect(principal.audience).toContain(real.audience);
    });
  },
);
