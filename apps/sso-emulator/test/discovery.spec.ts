import { type RunningEmulator } from '../src/emulator.js';
import { startTestEmulator } from './helpers.js';

let emulator: RunningEmulator;
let issuer: string;
beforeAll(async () => {
  emulator = await startTestEmulator();
  issuer = emulator.realm.issuer;
});
afterAll(() => emulator.close());

const discoveryDocument = async () =>
  (await (
    await fetch(`${emulator.url}/auth/realms/cern/.well-known/openid-configuration`)
  ).json()) as Record<string, unknown>;

describe('GET /.well-known/openid-configuration (OpenID Connect Discovery 1.0)', () => {
  it("carries every REQUIRED list, with Keycloak's values where no CERN page shows them", async () => {
    expect(await discoveryDocument()).toMatchObject({
      response_types_supported: [
        'code',
        'none',
        'id_token',
        'token',
        'id_token token',
        'code id_token',
        'code token',
        'code id_token token',
      ],
      subject_types_supported: ['public', 'pairwise'],
      // The specification requires RS256 in this list; it is what CERN signs with.
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  it("names the REQUIRED endpoints, and the others, at the real CERN realm's paths", async () => {
    expect(await discoveryDocument()).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      token_introspection_endpoint: `${issuer}/protocol/openid-connect/token/introspect`,
      userinfo_endpoint: `${issuer}/protocol/openid-connect/userinfo`,
      end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      api_access_token_endpoint: `${issuer}/api-access/token`,
    });
  });

  it('advertises only the grant and client authentication methods it implements', async () => {
    expect(await discoveryDocument()).toMatchObject({
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
    });
  });
});

describe('endpoints the emulator does not emulate', () => {
  const advertised = [
    ['authorization_endpoint', 'the authorization endpoint (user login)'],
    ['userinfo_endpoint', 'the UserInfo endpoint'],
    ['end_session_endpoint', 'the end-session (logout) endpoint'],
    ['introspection_endpoint', 'token introspection'],
  ] as const;

  const urlOf = async (field: string) =>
    ((await discoveryDocument())[field] as string).replace(
      issuer,
      `${emulator.url}/auth/realms/cern`,
    );

  it.each(advertised)('%s answers 501 with JSON saying so', async (field, what) => {
    const response = await fetch(await urlOf(field), { method: 'POST' });
    expect(response.status).toBe(501);
    expect(await response.json()).toEqual({
      error: 'not_implemented',
      error_description: `The SSO emulator does not emulate ${what}: it issues API Access tokens only (POST ${issuer}/api-access/token). Use the real CERN SSO for user login.`,
    });
  });

  it.each(advertised)('%s answers a browser with a 501 page', async (field, what) => {
    const response = await fetch(await urlOf(field), { headers: { accept: 'text/html' } });
    expect(response.status).toBe(501);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'");
    const page = await response.text();
    expect(page).toContain('<h1>501 Not emulated</h1>');
    expect(page).toContain(`does not emulate ${what}`);
  });

  it('still answers 404 under a realm that does not exist', async () => {
    const response = await fetch(`${emulator.url}/auth/realms/other/protocol/openid-connect/auth`);
    expect(response.status).toBe(404);
  });
});

describe('the realm URLs', () => {
  it('publishes public keys only', async () => {
    const { keys } = (await (
      await fetch(`${emulator.url}/auth/realms/cern/protocol/openid-connect/certs`)
    ).json()) as {
      keys: Record<string, unknown>[];
    };
    expect(keys).toHaveLength(1);
    expect(Object.keys(keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });

  it('uses SSO_PUBLIC_URL for the issuer, whatever host the request came to', async () => {
    const behindProxy = await startTestEmulator({
      publicUrl: 'http://sso.example.test:8080',
      realm: 'demo',
    });
    try {
      const response = await fetch(
        `${behindProxy.url}/auth/realms/demo/.well-known/openid-configuration`,
      );
      expect(((await response.json()) as { issuer: string }).issuer).toBe(
        'http://sso.example.test:8080/auth/realms/demo',
      );
    } finally {
      await behindProxy.close();
    }
  });
});
