import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { parseEmulatorEnv, startEmulator, type RunningEmulator } from '@cern-sso/sso-emulator';

/** openid-client refuses plain HTTP unless told; the emulator is on loopback only. */
const loopback = { execute: [oidc.allowInsecureRequests] };

describe('openid-client 6 and jose against the SSO emulator', () => {
  let sso: RunningEmulator;
  let discovered: oidc.Configuration;

  beforeAll(async () => {
    sso = await startEmulator({
      config: parseEmulatorEnv({ PORT: '0', HOST: '127.0.0.1' }),
      logs: false,
    });
    discovered = await oidc.discovery(
      new URL(sso.realm.issuer),
      'caller',
      'caller-secret',
      undefined,
      loopback,
    );
  });
  afterAll(() => sso.close());

  /** API Access is CERN's own endpoint: the discovered realm, with that as its token endpoint. */
  const apiAccess = (clientSecret: string) => {
    const { issuer, jwks_uri, api_access_token_endpoint } = discovered.serverMetadata();
    const configuration = new oidc.Configuration(
      { issuer, jwks_uri, token_endpoint: api_access_token_endpoint as string },
      'caller',
      clientSecret,
    );
    oidc.allowInsecureRequests(configuration);
    return configuration;
  };

  it('discovers the realm: the issuer and the endpoints a client needs', () => {
    const issuer = sso.realm.issuer;
    expect(discovered.serverMetadata()).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      api_access_token_endpoint: `${issuer}/api-access/token`,
    });
  });

  it('obtains an API Access token with audience that jose verifies against the JWKS', async () => {
    const metadata = discovered.serverMetadata();
    const response = await oidc.clientCredentialsGrant(apiAccess('caller-secret'), {
      audience: 'target-api',
    });
    expect(response).toMatchObject({ token_type: 'bearer', expires_in: 1200 });
    const { payload, protectedHeader } = await jwtVerify(
      response.access_token,
      createRemoteJWKSet(new URL(metadata.jwks_uri!)),
      { issuer: metadata.issuer, audience: 'target-api', algorithms: ['RS256'] },
    );
    expect(protectedHeader).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    expect(payload).toMatchObject({ azp: 'caller', sub: 'service-account-caller' });
    expect([...(payload.cern_roles as string[])].sort()).toEqual(['reader', 'writer']);
  });

  it('gets a token without audience from the standard endpoint, which no API accepts', async () => {
    const response = await oidc.clientCredentialsGrant(discovered, { audience: 'target-api' });
    const { payload } = await jwtVerify(
      response.access_token,
      createRemoteJWKSet(new URL(discovered.serverMetadata().jwks_uri!)),
      { issuer: sso.realm.issuer, algorithms: ['RS256'] },
    );
    expect(payload.aud).toBeUndefined();
    expect(payload.cern_roles).toBeUndefined();
  });

  it('reports the emulator refusing a bad secret as an OAuth error', async () => {
    await expect(
      oidc.clientCredentialsGrant(apiAccess('not-the-secret'), { audience: 'target-api' }),
    ).rejects.toMatchObject({ error: 'invalid_client', status: 401 });
  });
});
