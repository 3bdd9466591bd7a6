import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { type RunningEmulator } from '../src/emulator.js';
import { basic, postToken, startTestEmulator } from './helpers.js';

let emulator: RunningEmulator;
let endpoint: string;
const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);

beforeAll(async () => {
  emulator = await startTestEmulator({}, { now: () => NOW });
  endpoint = `${emulator.url}/auth/realms/cern/api-access/token`;
});
afterAll(() => emulator.close());

const credentials = (clientId: string, audience = 'target-api') => ({
  grant_type: 'client_credentials',
  client_id: clientId,
  client_secret: `${clientId}-secret`,
  audience,
});

async function verify(token: string) {
  const jwks = await (
    await fetch(`${emulator.url}/auth/realms/cern/protocol/openid-connect/certs`)
  ).json();
  return jwtVerify(token, createLocalJWKSet(jwks as JSONWebKeySet), {
    issuer: emulator.realm.issuer,
    audience: 'target-api',
    algorithms: ['RS256'],
    currentDate: new Date(NOW),
  });
}

describe('POST /auth/realms/cern/api-access/token', () => {
  it('issues a Keycloak-shaped response that is never cached', async () => {
    const { status, headers, json } = await postToken(endpoint, { form: credentials('caller') });
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(headers.get('pragma')).toBe('no-cache');
    expect(json).toEqual({
      access_token: expect.any(String),
      expires_in: 1200,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile email',
    });
  });

  it('signs a token that verifies against the JWKS with the realm URL as issuer', async () => {
    const { json } = await postToken(endpoint, { form: credentials('caller') });
    const { payload, protectedHeader } = await verify(json.access_token as string);
    expect(protectedHeader).toEqual({ alg: 'RS256', typ: 'JWT', kid: emulator.keys.current.kid });
    expect(payload).toEqual({
      iss: `http://localhost:${new URL(emulator.url).port}/auth/realms/cern`,
      aud: 'target-api',
      azp: 'caller',
      sub: 'service-account-caller',
      typ: 'Bearer',
      iat: NOW / 1000,
      exp: NOW / 1000 + 1200,
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scope: 'profile email',
      cern_roles: ['reader', 'writer'],
      resource_access: { 'target-api': { roles: ['reader', 'writer'] } },
    });
  });

  // Roles come from group memberships in registry.yaml, nested groups included.
  it.each([
    ['caller', ['reader', 'writer']],
    ['ops-bot', ['admin']],
    ['auditor-bot', ['reader', 'auditor']],
    ['stranger', []],
  ])('gives %s the roles %j in target-api', async (clientId, roles) => {
    const { status, json } = await postToken(endpoint, { form: credentials(clientId) });
    expect(status).toBe(200);
    const { payload } = await verify(json.access_token as string);
    expect(payload.cern_roles).toEqual(roles);
    expect(payload.resource_access).toEqual({ 'target-api': { roles } });
  });

  it('issues a token for any registered audience, with the roles held there (none here)', async () => {
    const { status, json } = await postToken(endpoint, { form: credentials('caller', 'ops-bot') });
    expect(status).toBe(200);
    const [, payload] = (json.access_token as string).split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    expect(claims).toMatchObject({
      aud: 'ops-bot',
      cern_roles: [],
      resource_access: { 'ops-bot': { roles: [] } },
    });
  });

  it('accepts HTTP Basic with form-urlencoded credentials (RFC 6749 2.3.1)', async () => {
    const { status, json } = await postToken(endpoint, {
      form: { grant_type: 'client_credentials', audience: 'target-api' },
      headers: { authorization: basic('auditor-bot', 'auditor-bot-secret') },
    });
    expect(status).toBe(200);
    expect(decodeProtectedHeader(json.access_token as string).kid).toBe(emulator.keys.current.kid);
  });

  it('answers the documented curl command of the API Access page', async () => {
    const { stdout } = await promisify(execFile)('curl', [
      '--silent',
      '--location',
      '--request',
      'POST',
      endpoint,
      '--header',
      'Content-Type: application/x-www-form-urlencoded',
      '--data-urlencode',
      'grant_type=client_credentials',
      '--data-urlencode',
      'client_id=caller',
      '--data-urlencode',
      'client_secret=caller-secret',
      '--data-urlencode',
      'audience=target-api',
    ]);
    const { payload } = await verify(JSON.parse(stdout).access_token);
    expect(payload.azp).toBe('caller');
  });
});
