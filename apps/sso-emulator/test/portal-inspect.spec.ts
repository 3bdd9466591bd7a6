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

describe('reading any pasted text: a page that explains, never a 500', () => {
  /** An unsigned token with these claims: what a participant may paste after editing one. */
  const unsigned = (claims: unknown, header: unknown = { alg: 'RS256', kid: 'k' }) =>
    [header, claims]
      .map((part) => Buffer.from(JSON.stringify(part)).toString('base64url'))
      .concat('c2ln')
      .join('.');

  it.each([1e16, 1e300, -1e300, 'tomorrow', true])(
    'explains an exp of %j that is not a time',
    async (exp) => {
      const { status, body } = await read(unsigned({ exp, cern_roles: ['reader'] }));
      expect(status).toBe(200);
      expect(body).toContain(
        `Expires:<code>exp</code>is not a valid time: ${JSON.stringify(exp).replace(/"/g, '&quot;')} (expected`,
      );
    },
  );

  it.each([[[{ toString: 1 }]], [{ toString: 1 }], [['reader', 7, null]], ['admin']])(
    'explains cern_roles of %j that is not a list of names',
    async (roles) => {
      const { status, body } = await read(unsigned({ exp: 1, cern_roles: roles }));
      expect(status).toBe(200);
      expect(body).toContain('Roles:<code>cern_roles</code>is not a list of role names:');
    },
  );

  it('refuses claims nested deeper than 32 levels with 400, naming the limit', async () => {
    const { status, body } = await read(
      unsigned({ a: JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`) }),
    );
    expect(status).toBe(400);
    expect(body).toContain('its claims nest deeper than 32 levels');
  });

  it('says which part of a broken token is wrong', async () => {
    const { status, body } = await read(`${Buffer.from('{"alg":').toString('base64url')}.e30.c2ln`);
    expect(status).toBe(400);
    expect(body).toContain('not a JWT: expected three base64url parts');
    expect(body).toContain('Invalid Token or Protected Header formatting');
  });
});
