import { connect } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureLogs } from '@cern-sso/observability/testing';
import { KeyStore } from '../src/keys/key-store.js';
import { writeKeysFile } from '../src/keys/keys-file.js';
import { type RunningEmulator } from '../src/emulator.js';
import { startTestEmulator } from './helpers.js';

// Headers and leaks (issue 14, F6): what a visitor or a client can learn, and what the log gets.
describe('security headers', () => {
  let emulator: RunningEmulator;
  beforeAll(async () => (emulator = await startTestEmulator()));
  afterAll(() => emulator.close());

  it.each([
    ['GET', '/'],
    ['GET', '/health'],
    ['GET', '/auth/realms/cern/.well-known/openid-configuration'],
    ['GET', '/no-such-route'],
    ['POST', '/auth/realms/cern/api-access/token'],
    ['GET', '/api/v1.0/Identity/current'],
  ])('%s %s: no X-Powered-By, helmet headers, no framing', async (method, path) => {
    const response = await fetch(`${emulator.url}${path}`, { method });
    await response.arrayBuffer();
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  });
});

describe('the portal and the keys file', () => {
  it('says that rotations are saved, without showing where the private keys are', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'emulator-keys-'));
    const keysFile = join(folder, 'keys.json');
    await writeKeysFile(keysFile, await KeyStore.generate());
    const emulator = await startTestEmulator({ keysFile });
    try {
      const body = await (await fetch(`${emulator.url}/`)).text();
      expect(body).toContain('SSO_KEYS_FILE');
      expect(body).not.toContain(folder);
      expect(body).not.toContain('keys.json');
    } finally {
      await emulator.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('an upload the client aborts', () => {
  it.each(['/auth/realms/cern/api-access/token', '/portal/inspect'])(
    'POST %s: one short line, no ERROR, no stack',
    async (path) => {
      const logs = captureLogs();
      const emulator = await startTestEmulator({}, { logs: logs.destination });
      try {
        const received = new Promise((resolve) =>
          emulator.app.getHttpServer().once('request', resolve),
        );
        const socket = connect(Number(new URL(emulator.url).port), '127.0.0.1');
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
            'Content-Length: 1000\r\n\r\ngrant_type=',
        );
        await received; // the server has the request: now the client goes away mid-upload
        socket.destroy();
        const line = await logs.waitFor((candidate) => candidate.context === 'Upload');
        expect(line).toMatchObject({
          level: 30,
          msg: expect.stringMatching(
            new RegExp(`^client aborted POST ${path} after (0|11) of 1000 bytes$`),
          ),
        });
        expect(logs.lines.filter((candidate) => candidate.level >= 50)).toEqual([]);
        expect(logs.text()).not.toMatch(/\n\s+at /);
      } finally {
        await emulator.close();
      }
    },
  );
});
