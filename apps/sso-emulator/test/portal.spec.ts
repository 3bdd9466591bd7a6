import { captureLogs, type CapturedLogs } from '@cern-sso/observability/testing';
import { decodeProtectedHeader, decodeJwt } from 'jose';
import { type RunningEmulator } from '../src/emulator.js';
import { Registry } from '../src/registry/registry.js';
import { parseRegistry } from '../src/registry/registry.schema.js';
import { DEFAULT_REGISTRY_PATH } from '../src/config/env.schema.js';
import { ADMIN_SECRET, startTestEmulator } from './helpers.js';
import { portalPage, tokenIn } from './portal-page.js';

/** Every line the emulator logs, so a test can prove a token never reaches the log. */
let logged: CapturedLogs;

let emulator: RunningEmulator;
beforeEach(async () => {
  logged = captureLogs();
  emulator = await startTestEmulator({}, { logs: logged.destination });
});
afterEach(() => emulator.close());

const page = (path?: string, form?: Record<string, string>, contentType?: string) =>
  portalPage(emulator.url, path, form, contentType);

describe('portal page', () => {
  it('is plain HTML with a strict policy: no script at all, styles by hash only', async () => {
    const { status, headers, body } = await page();
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(headers.get('content-security-policy')).toMatch(
      /^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/]+=*'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/,
    );
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(body).not.toMatch(/<script/i);
    expect(body).toContain('<html lang="en">');
    expect(body).toContain("Changes made on this page live in this emulator's memory only");
  });

  it('lists every application, never a secret', async () => {
    const { body } = await page();
    const registry = await Registry.load(DEFAULT_REGISTRY_PATH);
    for (const app of registry.definition.applications) {
      expect(body).toContain(`<code>${app.clientId}</code>`);
      expect(body).not.toContain(app.secret);
    }
  });

  it('shows who holds which role and through which nested groups', async () => {
    const { body } = await page();
    const row = (role: string, holder: string, through: string) =>
      new RegExp(
        `<code>${role}</code></th><td>[^<]*</td><td><code>${holder}</code></td><td>${through}</td>`,
      );
    expect(body).toMatch(row('reader', 'caller', 'target-api-readers → reporting-apps'));
    expect(body).toMatch(row('reader', 'auditor-bot', 'target-api-readers → audit-apps'));
    expect(body).toMatch(row('writer', 'caller', 'target-api-writers'));
    expect(body).toMatch(row('admin', 'ops-bot', 'target-api-admins'));
  });

  it('escapes every registry-derived string', async () => {
    await emulator.close();
    const hostile = '<script>alert(1)</script>';
    emulator = await startTestEmulator(
      {},
      {
        logs: false,
        registry: new Registry(
          parseRegistry(
            `applications:
  - clientId: 'api"><img src=x>'
    secret: s
    displayName: '${hostile}'
    roles:
      - name: "r&<b>"
        description: "it's <i>bold</i>"
        groups: ['g<u>']
groups:
  - name: 'g<u>'
    members: ['api"><img src=x>']
`,
            'hostile.yaml',
          ),
        ),
      },
    );
    const { body } = await page();
    expect(body).not.toMatch(/<script|<img|<b>|<i>|<u>/);
    expect(body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(body).toContain('<code>api&quot;&gt;&lt;img src=x&gt;</code>');
    expect(body).toContain('it&#39;s &lt;i&gt;bold&lt;/i&gt;');
    expect(body).toContain('<code>r&amp;&lt;b&gt;</code>');
  });
});

describe('getting a token from the page', () => {
  const ask = (form: Record<string, string>, contentType?: string) =>
    page('/portal/token', form, contentType);

  it('gets it from the API Access endpoint and shows it decoded and verified', async () => {
    const { status, body } = await ask({
      client_id: 'auditor-bot',
      client_secret: 'auditor-bot-secret',
      audience: 'target-api',
    });
    expect(status).toBe(200);
    const token = tokenIn(body)!;
    expect(decodeJwt(token)).toMatchObject({
      iss: emulator.realm.issuer,
      aud: 'target-api',
      azp: 'auditor-bot',
      cern_roles: ['reader', 'auditor'],
    });
    const { kid } = decodeProtectedHeader(token);
    expect(kid).toBe(emulator.keys.current.kid);
    expect(body).toContain(`Signature verified with key<code>${kid}</code>`);
    expect(body).toContain('&quot;azp&quot;: &quot;auditor-bot&quot;');
    expect(body).not.toContain('auditor-bot-secret');
    expect(logged.text()).not.toContain(token);
  });

  it.each([
    [
      'a wrong secret',
      { client_id: 'caller', client_secret: 'nope', audience: 'target-api' },
      401,
      'invalid_client',
    ],
    [
      'no API Access',
      { client_id: 'web-portal', client_secret: 'web-portal-secret', audience: 'target-api' },
      401,
      'unauthorized_client',
    ],
    [
      'an unknown audience',
      { client_id: 'caller', client_secret: 'caller-secret', audience: 'nobody' },
      400,
      'invalid_target',
    ],
  ])('shows the endpoint refusing %s', async (_case, form, status, error) => {
    const response = await ask(form);
    expect(response.status).toBe(status);
    expect(response.body).toContain(`Refused:<code>${error}: `);
    expect(tokenIn(response.body)).toBeUndefined();
  });

  it('says when the form is not a form', async () => {
    const response = await ask({ client_id: 'caller' }, 'application/json');
    expect(response.status).toBe(400);
    expect(response.body).toContain('The form could not be read: Content-Type must be');
  });
});

describe('rotating keys from the page', () => {
  const rotate = (form: Record<string, string>) => page('/portal/keys/rotate', form);

  it('rotates with the admin secret and shows the new key as current', async () => {
    const before = emulator.keys.current.kid;
    const { status, body } = await rotate({ admin_secret: ADMIN_SECRET });
    expect(status).toBe(200);
    const now = emulator.keys.current.kid;
    expect(now).not.toBe(before);
    expect(body).toContain(
      `<tr><td><code>${now}</code></td><td>current: signs new tokens</td></tr>`,
    );
    expect(body).toContain(`<tr><td><code>${before}</code></td><td>previous: still verifies`);
    expect(body).toContain(`Rotated: ${now} signs new tokens from now on`);
    expect(body).not.toContain(ADMIN_SECRET);
  });

  it.each([
    ['without the secret', {}, 401, 'Enter the admin secret'],
    ['with a wrong secret', { admin_secret: 'wrong-secret' }, 403, 'Wrong admin secret.'],
  ])('refuses %s and keeps the key', async (_case, form, status, reason) => {
    const before = emulator.keys.current.kid;
    const response = await rotate(form);
    expect(response.status).toBe(status);
    expect(response.body).toContain(reason);
    expect(emulator.keys.current.kid).toBe(before);
    expect(emulator.keys.jwks().keys).toHaveLength(1);
  });

  it('refuses when the emulator has no admin secret, and says how to enable it', async () => {
    await emulator.close();
    emulator = await startTestEmulator({ adminSecret: undefined }, { logs: false });
    expect((await page()).body).toMatch(/<button type="submit" disabled>Rotate keys<\/button>/);
    const response = await rotate({ admin_secret: 'anything-at-all' });
    expect(response.status).toBe(403);
    expect(response.body).toContain('start the emulator with SSO_ADMIN_SECRET');
  });
});
