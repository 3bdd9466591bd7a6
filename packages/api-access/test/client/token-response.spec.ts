import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { manualClock } from '@cern-sso/testing-support';
import { clientFor } from './support/client-for.js';
import { fakeJwt } from './support/fake-jwt.js';

const valid = { access_token: fakeJwt('valid'), expires_in: 1200, token_type: 'Bearer' };

describe('token response validation', () => {
  let endpoint: FakeTokenEndpoint;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
  });
  afterEach(() => endpoint.stop());

  it.each([
    { case: 'not JSON', body: '<html>', field: 'body' },
    { case: 'a JSON array', body: [valid], field: 'body' },
    { case: 'no access_token', body: { ...valid, access_token: undefined }, field: 'access_token' },
    { case: 'an empty access_token', body: { ...valid, access_token: '' }, field: 'access_token' },
    { case: 'a numeric access_token', body: { ...valid, access_token: 42 }, field: 'access_token' },
    { case: 'no expires_in', body: { ...valid, expires_in: undefined }, field: 'expires_in' },
    { case: 'expires_in as a string', body: { ...valid, expires_in: '1200' }, field: 'expires_in' },
    { case: 'expires_in of 0', body: { ...valid, expires_in: 0 }, field: 'expires_in' },
    { case: 'a negative expires_in', body: { ...valid, expires_in: -5 }, field: 'expires_in' },
    { case: 'no token_type', body: { ...valid, token_type: undefined }, field: 'token_type' },
    { case: 'token_type DPoP', body: { ...valid, token_type: 'DPoP' }, field: 'token_type' },
  ])('rejects $case, naming $field', async ({ body, field }) => {
    endpoint.script({ status: 200, body });
    const error = await clientFor(endpoint, manualClock())
      .getToken('target-api')
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'ERR_TOKEN_REQUEST_INVALID_RESPONSE', field, status: 200 });
    expect((error as Error).message).toContain(`invalid response (HTTP 200): ${field} `);
  });

  it.each(['Bearer', 'bearer', 'BEARER'])('accepts token_type %s', async (tokenType) => {
    endpoint.script({ status: 200, body: { ...valid, token_type: tokenType } });
    expect(await clientFor(endpoint, manualClock()).getToken('target-api')).toBe(
      valid.access_token,
    );
  });
});
