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
