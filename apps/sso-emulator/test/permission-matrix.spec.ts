import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MatrixIdentityError, parseMatrix, runMatrix } from '@cern-sso/api-access/matrix';
import {
  AccessTokenVerifier,
  authorize,
  readBearerToken,
  RefusalError,
  toHttpRefusal,
} from '@cern-sso/api-access/server';
import { type RunningEmulator } from '../src/emulator.js';
import { Registry } from '../src/registry/registry.js';
import { ADMIN_SECRET, startTestEmulator } from './helpers.js';

// The permission-matrix kit against this emulator: `roles` identities are registered through
// PUT /admin/applications/:clientId and get genuine emulator tokens by client credentials.
let emulator: RunningEmulator;
let target: Server;
let verifier: AccessTokenVerifier;
/** Requests the target received. */
let calls = 0;

beforeAll(async () => {
  emulator = await startTestEmulator();
  verifier = new AccessTokenVerifier({ issuer: emulator.realm.issuer, clientId: 'target-api' });
  // A two-route API guarded by the package: /reports needs reader, /purge needs admin.
  const roles: Record<string, string> = { '/reports': 'reader', '/purge': 'admin' };
  target = createServer((request, response) => {
    calls += 1;
    const role = roles[request.url ?? ''];
    if (role === undefined) return void response.writeHead(404).end();
    Promise.resolve()
      .then(() => verifier.verify(readBearerToken(request.headers.authorization)))
      .then((principal) => authorize(principal, { anyRoles: [role] }))
      .then(
        () => response.writeHead(200).end('{}'),
        (error: unknown) => {
          if (!(error instanceof RefusalError)) return void response.writeHead(500).end();
          const refusal = toHttpRefusal(error, verifier.options.realm);
          response.writeHead(refusal.status, refusal.headers).end(JSON.stringify(refusal.body));
        },
      );
  });
  await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  target.closeAllConnections();
  await new Promise((resolve) => target.close(resolve));
  verifier.close();
  await emulator.close();
});

const MATRIX = `target: \${TARGET_URL}
audience: target-api
sso:
  tokenEndpoint: \${SSO_URL}/auth/realms/cern/api-access/token
  emulator: { adminSecretEnv: SSO_ADMIN_SECRET }
identities:
  reader:    { roles: [reader] }
  admin:     { roles: [admin] }
  caller:    { clientId: caller, secretEnv: CALLER_SECRET }
  no-token:  { token: none }
  wrong-aud: { roles: [reader], audience: authorization-service-api }
routes:
  - GET /reports
  - GET /purge
expect:
  reader:    [200, 403]
  admin:     [403, 200]
  caller:    [200, 403]
  no-token:  [401, 401]
  wrong-aud: [401, 401]
`;

const env = () => ({
  TARGET_URL: `http://127.0.0.1:${(target.address() as AddressInfo).port}`,
  SSO_URL: emulator.url,
  SSO_ADMIN_SECRET: ADMIN_SECRET,
  CALLER_SECRET: 'caller-secret',
});

it('registers the roles identities and passes every cell with genuine emulator tokens', async () => {
  const result = await runMatrix(parseMatrix(MATRIX, 'emulator.yaml', { env: env() }), {
    env: env(),
  });
  expect(result.cells.filter((cell) => !cell.passed)).toEqual([]);
  expect(emulator.app.get(Registry).rolesIn('target-api', 'matrix-reader')).toEqual(['reader']);
  expect(
    emulator.app.get(Registry).rolesIn('authorization-service-api', 'matrix-wrong-aud'),
  ).toEqual(['reader']);
});

it('runs again: registration is idempotent', async () => {
  const first = await runMatrix(parseMatrix(MATRIX, 'emulator.yaml', { env: env() }), {
    env: env(),
  });
  const second = await runMatrix(parseMatrix(MATRIX, 'emulator.yaml', { env: env() }), {
    env: env(),
  });
  expect([first.passed, second.passed]).toEqual([true, true]);
});

it('a wrong admin secret: the identity error names the emulator’s refusal, and no cell runs', async () => {
  const wrong = { ...env(), SSO_ADMIN_SECRET: 'not-the-secret' };
  const before = calls;
  const error = await runMatrix(parseMatrix(MATRIX, 'emulator.yaml', { env: wrong }), {
    env: wrong,
  }).then(
    () => new Error('the run went ahead'),
    (e: unknown) => e as Error,
  );
  expect(error).toBeInstanceOf(MatrixIdentityError);
  expect(error).toMatchObject({ code: 'ERR_MATRIX_IDENTITY' });
  expect(error.message).toContain('identity "reader": the emulator refused PUT');
  expect(error.message).toContain('HTTP 403');
  expect(error.message).not.toContain('not-the-secret');
  expect(calls).toBe(before);
});
