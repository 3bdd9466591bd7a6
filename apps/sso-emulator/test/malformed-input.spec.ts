import fc from 'fast-check';
import { type RunningEmulator } from '../src/emulator.js';
import { startTestEmulator, tokenFor } from './helpers.js';

// A sweep for 5xx on bad input (issue 14, F3 and F4): whatever a client or a workshop participant
// sends, the emulator answers with a 4xx or a success, never a 5xx; the portal always renders a
// page that says what is wrong with a pasted token.
let emulator: RunningEmulator;
let token: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  token = await tokenFor(emulator, 'caller', 'authorization-service-api');
});
afterAll(() => emulator.close());

const RUNS = { numRuns: 150 };

/** What fetch may put in a header value: visible ASCII and spaces. */
const headerText = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
});
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** Text a participant may paste: anything, token-shaped text, or a real token edited by hand. */
const pasted = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc
    .tuple(fc.jsonValue(), fc.jsonValue(), headerText)
    .map(([header, claims, signature]) => `${base64url(header)}.${base64url(claims)}.${signature}`),
  fc
    .tuple(
      fc.jsonValue(),
      fc.dictionary(fc.constantFrom('exp', 'cern_roles', 'kid', 'iat'), fc.jsonValue()),
    )
    .map(
      ([header, claims]) => `${base64url({ alg: 'RS256', kid: header })}.${base64url(claims)}.c2ln`,
    ),
  fc
    .dictionary(fc.constantFrom('exp', 'cern_roles', 'iss', 'aud', 'azp', 'nbf'), fc.jsonValue())
    .map((claims) => {
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const edited = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
      return `${header}.${base64url(edited)}.${signature}`;
    }),
);

async function send(path: string, init: RequestInit = {}) {
  const response = await fetch(`${emulator.url}${path}`, init);
  return { status: response.status, body: await response.text() };
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

it('any pasted text: a page that explains it, never a 5xx', async () => {
  await fc.assert(
    fc.asyncProperty(pasted, async (text) => {
      const { status, body } = await send('/portal/inspect', form({ token: text }));
      expect([200, 400]).toContain(status);
      expect(body).toMatch(/id="inspect-result"[^>]*>\s*<(p class="error"|p class="ok"|p>)/);
    }),
    RUNS,
  );
});

it('any form to the token endpoints and the portal: never a 5xx', async () => {
  const fields = fc.dictionary(
    fc.oneof(
      fc.constantFrom(
        'grant_type',
        'client_id',
        'client_secret',
        'audience',
        'scope',
        'token',
        'admin_secret',
      ),
      fc.string(),
    ),
    fc.oneof(
      fc.constantFrom('client_credentials', 'caller', 'caller-secret', 'target-api'),
      fc.string(),
    ),
  );
  const path = fc.constantFrom(
    '/auth/realms/cern/api-access/token',
    '/auth/realms/cern/protocol/openid-connect/token',
    '/portal/token',
    '/portal/inspect',
    '/portal/keys/rotate',
  );
  const authorization = fc.option(
    fc.oneof(
      headerText,
      headerText.map((text) => `Basic ${Buffer.from(text).toString('base64')}`),
    ),
  );
  await fc.assert(
    fc.asyncProperty(path, fields, authorization, async (target, values, auth) => {
      const init = form(values);
      if (auth !== null) Object.assign(init.headers, { authorization: auth });
      expect((await send(target, init)).status).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any body of any type to the routes that read one: never a 5xx', async () => {
  const body = fc.oneof(fc.string(), fc.uint8Array({ maxLength: 2048 }), fc.json());
  const type = fc.oneof(
    fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'multipart/form-data'),
    headerText,
  );
  const path = fc.constantFrom(
    '/auth/realms/cern/api-access/token',
    '/portal/inspect',
    '/admin/keys/rotate',
  );
  await fc.assert(
    fc.asyncProperty(path, body, type, async (target, payload, contentType) => {
      const init = { method: 'POST', headers: { 'content-type': contentType }, body: payload };
      expect((await send(target, init)).status).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any path, query string and bearer token on the Authorization Service API: never a 5xx', async () => {
  const text = fc.string({ unit: fc.constantFrom(...'abc-019%./?&=[]{}+: '.split('')) });
  const path = fc.constantFrom(
    'Identity/current',
    'Identity/caller',
    'Identity/caller/groups',
    'Identity/caller/groups/recursive',
    'Group',
    'Group/target-api-readers',
    'Application/target-api/roles',
    'Application/target-api/roles/reader/groups',
  );
  const bearer = fc.oneof(fc.constant(token), headerText, fc.constant(''));
  await fc.assert(
    fc.asyncProperty(path, text, text, bearer, async (route, segment, query, credential) => {
      const headers = { authorization: `Bearer ${credential}` };
      const q = query.replace(/#/g, '%23');
      expect((await send(`/api/v1.0/${route}?${q}`, { headers })).status).toBeLessThan(500);
      const odd = `/api/v1.0/Identity/${segment.replace(/[/?#]/g, encodeURIComponent)}/groups?${q}`;
      expect((await send(odd, { headers })).status).toBeLessThan(500);
    }),
    RUNS,
  );
});

it('any realm, admin secret or key id: never a 5xx', async () => {
  const text = fc.string({ unit: fc.constantFrom(...'abc-019%.=+: '.split('')) });
  await fc.assert(
    fc.asyncProperty(text, headerText, async (segment, secret) => {
      const name = encodeURIComponent(segment);
      const headers = { 'x-admin-secret': secret };
      expect(
        (await send(`/auth/realms/${name}/.well-known/openid-configuration`)).status,
      ).toBeLessThan(500);
      expect(
        (await send(`/auth/realms/${name}/protocol/openid-connect/certs`)).status,
      ).toBeLessThan(500);
      expect(
        (await send(`/admin/keys/${name}`, { method: 'DELETE', headers })).status,
      ).toBeLessThan(500);
    }),
    RUNS,
  );
});
