import { KeysUnavailableError, TokenKidUnknownError } from '../../src/server/index.js';
import type { SigningKeySource } from '../../src/server/index.js';
import { KeyResolver } from '../../src/server/key-resolver.js';
import { createTestKey } from '../../src/testing/index.js';

// The resolver's I/O seam is the JWKS client; this script plays the SSO's answers in order
// and fails the test if the resolver asks for more than was scripted.
type Answer = string | Error;
function scriptedSource(answers: Answer[]): SigningKeySource & { asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    async getSigningKey(kid) {
      asked.push(kid);
      const answer = answers.shift();
      if (answer === undefined) throw new Error(`unscripted JWKS lookup for ${kid}`);
      if (answer instanceof Error) throw answer;
      return { getPublicKey: () => answer };
    },
  };
}

function jwksError(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

const KEY = createTestKey('k1');
const OTHER = createTestKey('k1');
let nowMs = 1_800_000_000_000;
const warnings: string[] = [];
const options = {
  jwksUri: 'https://sso.example/certs',
  staleKeyMaxAgeSec: 3600,
  retryAfterSec: 7,
  jwksCacheMaxEntries: 10,
  clock: () => nowMs,
  logger: { warn: (m: string) => warnings.push(m), error: () => undefined },
};

it('parses a PEM once per kid and reuses the KeyObject while the JWKS serves the same PEM', async () => {
  const source = scriptedSource([KEY.publicPem, KEY.publicPem, OTHER.publicPem]);
  const resolver = new KeyResolver(source, options);
  const first = await resolver.getKey('k1');
  expect(await resolver.getKey('k1')).toBe(first);
  const replaced = await resolver.getKey('k1');
  expect(replaced).not.toBe(first);
  expect(replaced.equals(OTHER.publicKey)).toBe(true);
});

it('serves a confirmed key while the endpoint is down, within staleKeyMaxAgeSec', async () => {
  const down = Object.assign(new Error('connect ECONNREFUSED'), { isEndpointUnavailable: true });
  const source = scriptedSource([KEY.publicPem, down, down, down]);
  const resolver = new KeyResolver(source, options);
  const key = await resolver.getKey('k1');
  nowMs += 3600_000;
  expect(await resolver.getKey('k1')).toBe(key);
  expect(await resolver.getKey('k1')).toBe(key);
  expect(warnings).toEqual(['JWKS https://sso.example/certs unreachable; serving cached keys']);
  nowMs += 1;
  const refused = resolver.getKey('k1');
  await expect(refused).rejects.toThrow(KeysUnavailableError);
  await expect(refused).rejects.toMatchObject({ code: 'ERR_KEYS_UNAVAILABLE', retryAfterSec: 7 });
});

it('drops a key the reachable JWKS no longer has (401, not stale)', async () => {
  const gone = jwksError(
    'SigningKeyNotFoundError',
    "Unable to find a signing key that matches 'k1'",
  );
  const source = scriptedSource([KEY.publicPem, gone]);
  const resolver = new KeyResolver(source, options);
  await resolver.getKey('k1');
  await expect(resolver.getKey('k1')).rejects.toThrow(TokenKidUnknownError);
});

it.each([
  ['reachable', [], 'ERR_TOKEN_KID_UNKNOWN'],
  ['down', [jwksError('JwksError', 'Http Error 502')], 'ERR_KEYS_UNAVAILABLE'],
])(
  'when the refetch is rate-limited and the JWKS was last %s, an unknown kid gives %s',
  async (_state, before, code) => {
    const limited = jwksError('JwksRateLimitError', 'Too many requests to the JWKS endpoint');
    const source = scriptedSource([...before, limited]);
    const resolver = new KeyResolver(source, options);
    if (before.length > 0) await resolver.getKey('other').catch(() => undefined);
    await expect(resolver.getKey('new-kid')).rejects.toMatchObject({ code });
  },
);
