import { parseMatrix, runMatrix } from '../../src/matrix/index.js';
import { startGuardedApp, type GuardedApp } from '../server/support/guarded-app.js';

/**
 * The kit against the real CERN SSO, with an application registered in the Applications Portal
 * (the variables of harness/e2e's real-SSO suite): CERN_SSO_CLIENT_ID, CERN_SSO_CLIENT_SECRET and
 * CERN_SSO_AUDIENCE, the target whose client id the guard in front of the example API takes.
 * CERN_SSO_ISSUER defaults to https://auth.cern.ch/auth/realms/cern. Never runs in CI.
 */
const real = {
  clientId: process.env.CERN_SSO_CLIENT_ID,
  audience: process.env.CERN_SSO_AUDIENCE,
  issuer: process.env.CERN_SSO_ISSUER ?? 'https://auth.cern.ch/auth/realms/cern',
};
const configured = Boolean(real.clientId && process.env.CERN_SSO_CLIENT_SECRET && real.audience);
const suite = configured ? describe : describe.skip;

suite(
  `permission matrix against the real CERN SSO${configured ? '' : ' (skipped: set CERN_SSO_CLIENT_ID, CERN_SSO_CLIENT_SECRET, CERN_SSO_AUDIENCE)'}`,
  () => {
    let app: GuardedApp;
    beforeAll(async () => {
      app = await startGuardedApp(
        { issuer: real.issuer, clientId: real.audience! },
        false,
        'node-http',
      );
    });
    afterAll(() => app?.close());

    it('a registered application gets a real token that the guard accepts; no token is refused', async () => {
      const text = `target: \${TARGET_URL}
audience: \${CERN_SSO_AUDIENCE}
sso: { tokenEndpoint: \${CERN_SSO_ISSUER:-https://auth.cern.ch/auth/realms/cern}/api-access/token }
identities:
  app:      { clientId: \${CERN_SSO_CLIENT_ID}, secretEnv: CERN_SSO_CLIENT_SECRET }
  no-token: { token: none }
routes:
  - GET /any-token
  - GET /items/health
expect:
  app:      [200, 200]
  no-token: [401, 200]
`;
      const env = { ...process.env, TARGET_URL: app.url };
      const result = await runMatrix(parseMatrix(text, 'real-sso.yaml', { env }), { env });
      expect(result.cells.filter((cell) => !cell.passed)).toEqual([]);
    });
  },
);
