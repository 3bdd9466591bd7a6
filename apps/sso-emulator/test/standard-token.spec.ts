import { decodeJwt } from 'jose';
import { type RunningEmulator } from '../src/emulator.js';
import { postToken, startTestEmulator } from './helpers.js';

let emulator: RunningEmulator;
beforeAll(async () => (emulator = await startTestEmulator()));
afterAll(() => emulator.close());

describe('POST /auth/realms/cern/protocol/openid-connect/token (standard endpoint)', () => {
  it('issues a token that names no target and carries no roles, so no API accepts it', async () => {
    const { status, json } = await postToken(
      `${emulator.url}/auth/realms/cern/protocol/openid-connect/token`,
      {
        form: {
          grant_type: 'client_credentials',
          client_id: 'caller',
          client_secret: 'caller-secret',
          audience: 'target-api',
        },
      },
    );
    expect(status).toBe(200);
    const claims = decodeJwt(json.access_token as string);
    expect(claims.aud).toBeUndefined();
    expect(claims.cern_roles).toBeUndefined();
    expect(claims.resource_access).toBeUndefined();
    expect(claims).toMatchObject({
      azp: 'caller',
      sub: 'service-account-caller',
      typ: 'Bearer',
      iss: emulator.realm.issuer,
    });
  });

  it('authenticates clients the same way', async () => {
    const { status, json } = await postToken(
      `${emulator.url}/auth/realms/cern/protocol/openid-connect/token`,
      {
        form: { grant_type: 'client_credentials', client_id: 'caller', client_secret: 'nope' },
      },
    );
    expect(status).toBe(401);
    expect(json.error).toBe('invalid_client');
  });
});

describe('discovery', () => {
  it('advertises the realm URL as issuer and its endpoints', async () => {
    const response = await fetch(
      `${emulator.url}/auth/realms/cern/.well-known/openid-configuration`,
    );
    const issuer = emulator.realm.issuer;
    expect(await response.json()).toMatchObject({
      issuer,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      api_access_token_endpoint: `${issuer}/api-access/token`,
    });
  });

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
