import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { KeyStore } from '../src/keys/key-store.js';
import { readKeysFile, writeKeysFile } from '../src/keys/keys-file.js';
import { type RunningEmulator } from '../src/emulator.js';
import { ADMIN_SECRET, startTestEmulator, tokenFor } from './helpers.js';

let emulator: RunningEmulator;
beforeEach(async () => (emulator = await startTestEmulator()));
afterEach(() => emulator.close());

const admin = (method: string, path: string, secret: string | null = ADMIN_SECRET) =>
  fetch(`${emulator.url}${path}`, {
    method,
    headers: secret === null ? {} : { 'x-admin-secret': secret },
  });

async function verifies(jwt: string): Promise<boolean> {
  const jwks = await (
    await fetch(`${emulator.url}/auth/realms/cern/protocol/openid-connect/certs`)
  ).json();
  return jwtVerify(jwt, createLocalJWKSet(jwks as JSONWebKeySet), {
    issuer: emulator.realm.issuer,
    audience: 'target-api',
  }).then(
    () => true,
    () => false,
  );
}

describe('key rotation', () => {
  it('signs with the new key and keeps the previous one published', async () => {
    const before = await tokenFor(emulator, 'caller', 'target-api');
    const oldKid = emulator.keys.current.kid;
    const response = await admin('POST', '/admin/keys/rotate');
    expect(response.status).toBe(200);
    const { current, kids } = (await response.json()) as { current: string; kids: string[] };
    expect(current).not.toBe(oldKid);
    expect(kids).toEqual([current, oldKid]);
    const after = await tokenFor(emulator, 'caller', 'target-api');
    expect(decodeProtectedHeader(after).kid).toBe(current);
    expect(await verifies(before)).toBe(true);
    expect(await verifies(after)).toBe(true);
  });

  it('keeps at most the previous key after several rotations', async () => {
    await admin('POST', '/admin/keys/rotate');
    await admin('POST', '/admin/keys/rotate');
    const { kids } = (await (await admin('GET', '/admin/keys')).json()) as { kids: string[] };
    expect(kids).toHaveLength(2);
  });

  it('retires a previous key: tokens it signed stop verifying', async () => {
    const before = await tokenFor(emulator, 'caller', 'target-api');
    const oldKid = emulator.keys.current.kid;
    await admin('POST', '/admin/keys/rotate');
    expect((await admin('DELETE', `/admin/keys/${oldKid}`)).status).toBe(200);
    expect(await verifies(before)).toBe(false);
  });

  it.each([
    ['the current key', () => emulator.keys.current.kid, 409],
    ['an unknown key', () => 'no-such-kid', 404],
  ])('refuses to retire %s', async (_case, kid, status) => {
    expect((await admin('DELETE', `/admin/keys/${kid()}`)).status).toBe(status);
  });

  it.each([
    ['without the header', null, 401],
    ['with a wrong secret', 'wrong-secret', 403],
  ])('refuses admin calls %s', async (_case, secret, status) => {
    expect((await admin('POST', '/admin/keys/rotate', secret)).status).toBe(status);
    expect(emulator.keys.jwks().keys).toHaveLength(1);
  });

  it('disables the admin API when no secret is configured', async () => {
    const locked = await startTestEmulator({ adminSecret: undefined });
    try {
      const response = await fetch(`${locked.url}/admin/keys/rotate`, {
        method: 'POST',
        headers: { 'x-admin-secret': '' },
      });
      expect(response.status).toBe(403);
    } finally {
      await locked.close();
    }
  });
});

describe('keys file', () => {
  it('keeps keys across restarts and saves rotations, readable by the owner only', async () => {
    const path = join(await mkdtemp(join(tmpdir(), 'sso-keys-')), 'keys.json');
    await writeKeysFile(path, await KeyStore.generate());
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    const first = await startTestEmulator({ keysFile: path });
    const kid = first.keys.current.kid;
    await fetch(`${first.url}/admin/keys/rotate`, {
      method: 'POST',
      headers: { 'x-admin-secret': ADMIN_SECRET },
    });
    const rotated = first.keys.current.kid;
    await first.close();
    const second = await startTestEmulator({ keysFile: path });
    expect(second.keys.jwks().keys.map((key) => key.kid)).toEqual([rotated, kid]);
    await second.close();
  });

  it.each([
    ['a missing file', null, /does not exist; create it with/],
    ['invalid JSON', '{', /not valid JSON/],
    ['no keys', '{"keys": []}', /non-empty "keys" array/],
    [
      'a public key',
      '{"keys": [{"kty": "RSA", "n": "AQAB", "e": "AQAB"}]}',
      /keys\[0\]: expected a private RSA JWK/,
    ],
  ])('refuses %s with a clear message', async (_case, content, message) => {
    const path = join(await mkdtemp(join(tmpdir(), 'sso-keys-')), 'keys.json');
    if (content !== null)
      await import('node:fs/promises').then((fs) => fs.writeFile(path, content));
    await expect(readKeysFile(path)).rejects.toThrow(message);
  });

  it('never writes a private key into the JWKS', async () => {
    const store = await KeyStore.generate();
    expect(JSON.stringify(store.jwks())).not.toContain('"d"');
    expect(JSON.parse(await readFile(await tempKeys(store), 'utf8')).keys[0].d).toEqual(
      expect.any(String),
    );
  });
});

async function tempKeys(store: KeyStore): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'sso-keys-')), 'keys.json');
  await writeKeysFile(path, store);
  return path;
}
