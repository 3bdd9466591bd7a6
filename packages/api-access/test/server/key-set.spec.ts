import { randomUUID } from 'node:crypto';
import type { PublishedKey, SigningKeySource } from '../../src/server/index.js';
import { KeySet } from '../../src/server/key-set.js';
import { createTestKey, type TestKey } from '../../src/testing/index.js';
import { flush, manualTime, type ManualTime } from './support/manual-time.js';

// The key set's I/O seam plays the SSO: what it publishes now, whether it answers, and when it
// was asked. Time is manual: every fetch and refresh below happens at a time the test chose.
function sso(time: ManualTime, keys: TestKey[]) {
  let published = keys;
  let failing = false;
  const fetchedAt: number[] = [];
  const source: SigningKeySource = {
    async getSigningKeys(): Promise<readonly PublishedKey[]> {
      fetchedAt.push(time.now());
      if (failing) throw new Error('JWKS https://sso.example/certs failed (Http Error 503)');
      return published.map((key) => ({ kid: key.kid, getPublicKey: () => key.publicPem }));
    },
  };
  return {
    source,
    fetchedAt,
    publish: (next: TestKey[]) => (published = next),
    fail: (value: boolean) => (failing = value),
  };
}

const A = createTestKey('key-a');
const B = createTestKey('key-b');
let time: ManualTime;
let warnings: string[];
let retired: (string | undefined)[][];
let sets: KeySet[];

beforeEach(() => {
  time = manualTime(Date.UTC(2026, 0, 1));
  warnings = [];
  retired = [];
  sets = [];
});
afterEach(() => sets.forEach((set) => set.close()));

function keySet(
  source: SigningKeySource,
  overrides: Partial<ConstructorParameters<typeof KeySet>[1]> = {},
) {
  const set = new KeySet(
    source,
    {
      jwksRefetchIntervalSec: 6,
      jwksRequestsPerMinute: 10,
      jwksRefreshIntervalSec: 60,
      staleKeyMaxAgeSec: 3600,
      retryAfterSec: 10,
      clock: time.now,
      scheduler: time.scheduler,
      logger: { warn: (message) => warnings.push(message), error: () => undefined },
      ...overrides,
    },
    (kids) => retired.push([...kids]),
  );
  sets.push(set);
  return set;
}

/** Looks a kid up and records how it ended, without awaiting it. */
function lookup(set: KeySet, kid: string | undefined) {
  const outcome: { code?: string; at?: number; ok?: boolean } = {};
  set.get(kid).then(
    () => Object.assign(outcome, { ok: true, at: time.now() }),
    (error: { code: string }) => Object.assign(outcome, { code: error.code, at: time.now() }),
  );
  return outcome;
}

/** Advances in steps, letting fetches complete at each one. */
async function run(ms: number, step: number, each: () => void = () => undefined) {
  for (let elapsed = 0; elapsed < ms; elapsed += step) {
    each();
    await flush();
    time.advance(step);
    await flush();
  }
}

describe('refetch policy under a flood of unknown kids (issue 14 F1)', () => {
  it('accepts a key published mid-flood within 6 s, while 10 unknown kids a second arrive', async () => {
    const { source, fetchedAt, publish } = sso(time, [A]);
    const set = keySet(source);
    expect(await set.get(A.kid)).toBe(await set.get(A.kid));
    const flood = () => void lookup(set, randomUUID());

    await run(120_000, 100, flood);
    publish([A, B]);
    const publishedAt = time.now();
    const fresh = lookup(set, B.kid);
    await run(15_000, 100, flood);

    expect(fresh.ok).toBe(true);
    expect((fresh.at as number) - publishedAt).toBeLessThanOrEqual(6_000);
    // Never two fetches closer than 6 s, never more than 10 in any minute.
    const gaps = fetchedAt.slice(1).map((at, i) => at - (fetchedAt[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(6_000);
    for (const start of fetchedAt) {
      expect(
        fetchedAt.filter((at) => at >= start && at < start + 60_000).length,
      ).toBeLessThanOrEqual(10);
    }
  });

  it('costs the SSO 10 fetches for 500 random kids at 10 a second', async () => {
    const { source, fetchedAt } = sso(time, [A]);
    const set = keySet(source);
    const outcomes = [];
    for (let i = 0; i < 500; i++) {
      outcomes.push(lookup(set, randomUUID()));
      await flush();
      time.advance(100);
      await flush();
    }
    await run(6_000, 100);
    // One fetch every 6 s from 0 s to 54 s: the kids of the last 50 s wait for the one at 54 s.
    expect(fetchedAt).toHaveLength(10);
    expect(new Set(outcomes.map((outcome) => outcome.code))).toEqual(
      new Set(['ERR_TOKEN_KID_UNKNOWN']),
    );
  });

  it('shares one fetch among every request that waits for it (single-flight)', async () => {
    const { source, fetchedAt } = sso(time, [A]);
    const set = keySet(source);
    await set.get(A.kid);
    const waiting = Array.from({ length: 100 }, () => lookup(set, randomUUID()));
    await flush();
    expect(waiting.filter((outcome) => outcome.code !== undefined)).toEqual([]);
    await run(6_000, 1_000);
    expect(fetchedAt).toHaveLength(2);
    expect(waiting.every((outcome) => outcome.code === 'ERR_TOKEN_KID_UNKNOWN')).toBe(true);
  });

  it('never slows a known kid: answered at once while unknown kids wait', async () => {
    const { source } = sso(time, [A]);
    const set = keySet(source);
    await set.get(A.kid);
    const unknown = lookup(set, 'not-published');
    const known = lookup(set, A.kid);
    await flush();
    expect({ known: known.ok, unknown: unknown.code }).toEqual({ known: true, unknown: undefined });
  });

  it('holds the per-minute budget when the interval alone would allow more', async () => {
    const { source, fetchedAt } = sso(time, [A]);
    const set = keySet(source, { jwksRefetchIntervalSec: 1, jwksRequestsPerMinute: 10 });
    const start = time.now();
    await run(90_000, 500, () => void lookup(set, randomUUID()));
    expect(fetchedAt.filter((at) => at < start + 60_000)).toHaveLength(10);
    expect(fetchedAt[10]).toBe(start + 60_000);
  });
});

describe('background refresh (issue 14 F5)', () => {
  it('refuses a key the SSO stopped publishing within 60 s, with no request to prompt it', async () => {
    const { source, publish } = sso(time, [A, B]);
    const set = keySet(source);
    await set.get(A.kid);
    publish([B]);
    await run(60_000, 1_000);
    expect(retired).toEqual([['key-a']]);
    expect(set.state()).toMatchObject({ status: 'fresh', keys: 1 });
    // Now unknown: it waits for the next allowed fetch, which does not have it either.
    const outcome = lookup(set, A.kid);
    await run(6_000, 1_000);
    expect(outcome.code).toBe('ERR_TOKEN_KID_UNKNOWN');
  });

  it('serves the last good key set while the SSO is down, and says so', async () => {
    const { source, fail } = sso(time, [A]);
    const set = keySet(source, { staleKeyMaxAgeSec: 600 });
    const loadedAt = time.now();
    await set.get(A.kid);
    fail(true);
    await run(60_000, 1_000);
    expect(set.state()).toEqual({
      status: 'stale',
      keys: 1,
      fetchedAt: loadedAt,
      since: loadedAt + 60_000,
      problem: 'JWKS https://sso.example/certs failed (Http Error 503)',
    });
    expect(warnings).toEqual([
      'JWKS https://sso.example/certs failed (Http Error 503); serving the last good key set',
    ]);
    await expect(set.get(A.kid)).resolves.toBe(await set.get(A.kid));

    await run(600_000, 10_000);
    expect(set.state()).toMatchObject({ status: 'unavailable', since: loadedAt + 60_000 });
    const outcome = lookup(set, A.kid);
    await run(6_000, 1_000);
    expect(outcome.code).toBe('ERR_KEYS_UNAVAILABLE');
    expect(warnings).toHaveLength(1);

    fail(false);
    await run(60_000, 1_000);
    expect(set.state()).toMatchObject({ status: 'fresh', keys: 1 });
  });

  it('stops its timers on close, and answers a lookup that was waiting', async () => {
    const { source } = sso(time, [A]);
    const set = keySet(source);
    await set.get(A.kid);
    const waiting = lookup(set, 'not-published');
    await flush();
    expect(time.pending()).toBe(2);
    set.close();
    await flush();
    expect({ pending: time.pending(), code: waiting.code }).toEqual({
      pending: 0,
      code: 'ERR_TOKEN_KID_UNKNOWN',
    });
  });
});

describe('tokens without kid', () => {
  it('use the only key of a one-key set', async () => {
    const set = keySet(sso(time, [A]).source);
    expect((await set.get(undefined)).equals(A.publicKey)).toBe(true);
  });

  it('are refused when the set has several keys, without a fetch of their own', async () => {
    const { source, fetchedAt } = sso(time, [A, B]);
    const set = keySet(source);
    await expect(set.get(undefined)).rejects.toMatchObject({
      code: 'ERR_TOKEN_KID_MISSING',
      message: 'header has no kid and the JWKS has 2 keys to choose from',
    });
    await expect(set.get(undefined)).rejects.toMatchObject({ code: 'ERR_TOKEN_KID_MISSING' });
    expect(fetchedAt).toHaveLength(1);
  });
});
