import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestIssuer, type ServedTestIssuer } from '../../../src/testing/index.js';
import { startGuardedApp, type GuardedApp } from '../../server/support/guarded-app.js';
import { startIssuerTokenEndpoint, type IssuerTokenEndpoint } from './issuer-token-endpoint.js';

/** The secret of `ops-bot` at the in-process SSO; tests put it in the `OPS_SECRET` variable. */
export const OPS_SECRET = 'ops-bot-test-secret';

export interface MatrixFixture {
  readonly idp: ServedTestIssuer;
  readonly sso: IssuerTokenEndpoint;
  /** The guarded API (examples/node-http): `/items` needs reader, `/items/admin` admin, ... */
  readonly app: GuardedApp;
  readonly dir: string;
  /** Writes a matrix file into a temp directory and returns its path. */
  write(name: string, text: string): Promise<string>;
  /** The environment a run needs: `TARGET_URL`, `API_ACCESS_TOKEN_ENDPOINT`, `OPS_SECRET`. */
  env(): Record<string, string>;
}

/**
 * In a `describe`: a test issuer, a token endpoint signing with it (`ops-bot` holds `admin`), the
 * package's guard in front of the example API, and a temp directory. Read it inside tests.
 */
export function useMatrixFixture(): MatrixFixture {
  const running = {} as {
    idp: ServedTestIssuer;
    sso: IssuerTokenEndpoint;
    app: GuardedApp;
    dir: string;
  };
  beforeAll(async () => {
    running.idp = await startTestIssuer();
    running.sso = await startIssuerTokenEndpoint(running.idp.issuer, {
      'ops-bot': { secret: OPS_SECRET, roles: ['admin'] },
    });
    running.app = await startGuardedApp(
      { issuer: running.idp.issuer.issuer, clientId: 'target-api' },
      false,
      'node-http',
    );
    running.dir = await mkdtemp(join(tmpdir(), 'matrix-'));
  });
  afterAll(async () => {
    await running.app?.close();
    await running.sso?.stop();
    await running.idp?.stop();
    if (running.dir) await rm(running.dir, { recursive: true, force: true });
  });
  return {
    get idp() {
      return running.idp;
    },
    get sso() {
      return running.sso;
    },
    get app() {
      return running.app;
    },
    get dir() {
      return running.dir;
    },
    async write(name, text) {
      const path = join(running.dir, name);
      await writeFile(path, text);
      return path;
    },
    env: () => ({
      TARGET_URL: running.app.url,
      API_ACCESS_TOKEN_ENDPOINT: running.sso.url,
      OPS_SECRET,
    }),
  };
}

/**
 * The example API's matrix: identities holding roles (minted by the test issuer), a registered
 * application (`ops-bot`, by client credentials), no token, and a token for another audience.
 */
export const PASSING_MATRIX = `# yaml-language-server: $schema=../../../src/matrix/matrix.schema.json
target: \${TARGET_URL}
audience: target-api
identities:
  reader:    { roles: [reader] }
  writer:    { roles: [reader, writer] }
  ops:       { clientId: ops-bot, secretEnv: OPS_SECRET }
  no-token:  { token: none }
  wrong-aud: { roles: [reader], audience: other-api }
routes:
  - GET /items
  - GET /items/admin
  - GET /items/write-and-read
  - GET /items/health
  - GET /any-token
expect:
  #           /items  /items/admin  write-and-read  health  any-token
  reader:    [200,    403,          403,            200,    200]
  writer:    [200,    403,          200,            200,    200]
  ops:       [403,    200,          403,            200,    200]
  no-token:  [401,    401,          401,            200,    401]
  wrong-aud: [401,    401,          401,            200,    401]
`;
