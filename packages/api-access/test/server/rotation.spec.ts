import { randomUUID } from 'node:crypto';
import { AccessTokenVerifier, resolveApiAccessOptions } from '../../src/server/index.js';
import { JwksSource } from '../../src/server/jwks-source.js';
import { startTestIssuer, type ServedTestIssuer } from '../../src/testing/index.js';
import { flush, manualTime, type ManualTime } from './support/manual-time.js';

// Issue 14 F1 and F5 with real key rotation: the in-process issuer rotates and retires its keys
// and serves its JWKS over HTTP; the verifier runs on a manual clock, so 60 s of flood take no
// wall time. Each JWKS fetch is awaited before the clock moves on. (The same against the
// emulator's process: harness/e2e's resilience and scale tests.)
let sso: ServedTestIssuer;
let time: ManualTime;
let verifier: AccessTokenVerifier;
const inFlight = new Set<Promise<unknown>>();

beforeEach(async () => {
  time = manualTime();
  sso = await startTestIssuer({ clock: time.now });
  const options = { issuer: sso.issuer.issuer, clientId: 'target-api', jwksUri: sso.jwksUri };
  const jwks = new JwksSource(resolveApiAccessOptions(options));
  verifier = new AccessTokenVerifier(
    { ...options, clock: time.now, scheduler: time.scheduler },
    {
      getSigningKeys() {
        const fetch = jwks.getSigningKeys();
        inFlight.add(fetch);
        void fetch.catch(() => undefined).finally(() => inFlight.delete(fetch));
        return fetch;
      },
    },
  );
});
afterEach(async () => {
  verifier.close();
  await sso.stop();
});

const token = () => sso.issuer.mintToken({ roles: ['reader'] });

/** The token with another `kid`: no secret needed, which is why a flood is cheap. */
function withKid(jwt: string, kid: string): string {
  const [header, ...rest] = jwt.split('.');
  const decoded = JSON.parse(Buffer.from(header ?? '', 'base64url').toString()) as object;
  return [Buffer.from(JSON.stringify({ ...decoded, kid })).toString('base64url'), ...rest].join(
    '.',
  );
}

/** Moves the clock by `ms` and lets every JWKS fetch it started complete. */
async function advance(ms: number): Promise<void> {
  time.advance(ms);
  await flush();
  await Promise.allSettled([...inFlight]);
  await flush();
}

const jwksFetches = () => sso.jwksRequests();

it('accepts a just-rotated key within 15 s while 6 unknown kids a second arrive (F1)', async () => {
  const before = token();
  await verifier.verify(before);
  const refusals = new Map<string, number>();
  const flood = () =>
    void verifier.verify(withKid(before, randomUUID())).catch((error: { code: string }) => {
      refusals.set(error.code, (refusals.get(error.code) ?? 0) + 1);
    });

  for (let i = 0; i < 6 * 30; i++) {
    flood();
    await advance(167);
  }
  sso.issuer.rotateKeys();
  const rotatedAt = time.now();
  let acceptedAt: number | undefined;
  void verifier.verify(token()).then(() => (acceptedAt = time.now()));
  for (let i = 0; i < 6 * 15 && acceptedAt === undefined; i++) {
    flood();
    await advance(167);
  }

  expect(acceptedAt).toBeDefined();
  expect((acceptedAt as number) - rotatedAt).toBeLessThanOrEqual(6_200);
  expect([...refusals.keys()]).toEqual(['ERR_TOKEN_KID_UNKNOWN']);
  // One fetch at the start, then at most one every 6 s of the flood.
  const elapsed = (acceptedAt as number) - rotatedAt + 30_000;
  expect(jwksFetches()).toBeLessThanOrEqual(1 + Math.ceil(elapsed / 6_000));
});

it('refuses a retired key within 60 s, and drops the tokens it verified (F5)', async () => {
  const signedByOld = token();
  await verifier.verify(signedByOld);
  const oldKid = (
    JSON.parse(Buffer.from(signedByOld.split('.')[0] ?? '', 'base64url').toString()) as {
      kid: string;
    }
  ).kid;
  sso.issuer.rotateKeys();
  sso.issuer.removeKey(oldKid);
  expect(verifier.cached(signedByOld)).toBeDefined();

  await advance(60_000);
  expect(jwksFetches()).toBe(2);
  expect(verifier.cached(signedByOld)).toBeUndefined();
  const refused = verifier.verify(signedByOld);
  void refused.catch(() => undefined);
  await advance(6_000);
  await expect(refused).rejects.toMatchObject({ code: 'ERR_TOKEN_KID_UNKNOWN' });
  expect(verifier.keySetState()).toMatchObject({ status: 'fresh', keys: 1 });
});
