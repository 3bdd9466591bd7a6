import { decodeProtectedHeader } from 'jose';
import { type RunningEmulator } from '../src/emulator.js';
import { ADMIN_SECRET, startTestEmulator, tokenFor } from './helpers.js';
import { portalPage, tokenIn } from './portal-page.js';

let emulator: RunningEmulator;
beforeEach(async () => (emulator = await startTestEmulator()));
afterEach(() => emulator.close());

const read = (token: string) => portalPage(emulator.url, '/portal/inspect', { token });

/** The same signature on other claims: what a participant gets by editing a token by hand. */
function withClaims(token: string, extra: Record<string, unknown>): string {
  const [header, payload, signature] = token.split('.') as [string, string, string];
  const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...extra };
  return `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
}

describe('reading a pasted token', () => {
  it('decodes a token of this emulator and verifies its signature and issuer', async () => {
    const token = await tokenFor(emulator, 'caller', 'target-api');
    const { status, body } = await read(` ${token}\n`);
    expect(status).toBe(200);
    expect(tokenIn(body, 'inspected-jwt')).toBe(token);
    const { kid } = decodeProtectedHeader(token);
    expect(body).toContain(`Signature verified with key<code>${kid}</code>`);
    expect(body).toContain('Roles (<code>cern_roles</code>): reader, writer.');
  });

  it('says an edited token does not verify, and escapes what it claims', async () => {
    const forged = withClaims(await tokenFor(emulator, 'caller', 'target-api'), {
      cern_roles: ['admin'],
      note: '<script>x</script>',
    });
    const { status, body } = await read(forged);
    expect(status).toBe(200);
    expect(body).toContain('Signature not verified:<code>ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect(body).toContain('&quot;note&quot;: &quot;&lt;script&gt;x&lt;/script&gt;&quot;');
    expect(body).not.toContain('<script>');
  });

  it('says a token signed by a retired key does not verify', async () => {
    const old = await tokenFor(emulator, 'caller', 'target-api');
    const oldKid = emulator.keys.current.kid;
    const headers = { 'x-admin-secret': ADMIN_SECRET };
    await fetch(`${emulator.url}/admin/keys/rotate`, { method: 'POST', headers });
    await fetch(`${emulator.url}/admin/keys/${oldKid}`, { method: 'DELETE', headers });
    expect((await read(old)).body).toContain(
      'Signature not verified:<code>ERR_JWKS_NO_MATCHING_KEY',
    );
  });

  it.each([['not-a-token'], ['a.b.c'], ['']])('refuses %j as not a JWT', async (text) => {
    const { status, body } = await read(text);
    expect(status).toBe(400);
    expect(body).toContain('not a JWT: expected three base64url parts');
  });
});
