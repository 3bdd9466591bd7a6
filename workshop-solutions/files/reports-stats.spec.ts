// Exercise 6's solution: copy to apps/target-api/test/reports-stats.spec.ts.
// target-api trusts an in-process test issuer, so every role combination is one mintToken() away.
import { type INestApplication } from '@nestjs/common';
import {
  startTestIssuer,
  tamperPayload,
  type ServedTestIssuer,
} from '@cern-sso/api-access/testing';
import { readTargetApiEnv } from '../src/config/env.schema.js';
import { createApp } from '../src/create-app.js';

let idp: ServedTestIssuer;
let app: INestApplication;
let url: string;

beforeAll(async () => {
  idp = await startTestIssuer();
  app = await createApp(readTargetApiEnv({ SSO_ISSUER: idp.issuer.issuer }), false);
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
});
afterAll(async () => {
  await app.close();
  await idp.stop();
});

const stats = (token?: string) =>
  fetch(`${url}/reports/stats`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

describe('GET /reports/stats', () => {
  it.each([
    [['analyst'], 200],
    [['analyst', 'reader'], 200],
    [['reader', 'writer', 'admin'], 403],
    [[], 403],
  ])('answers a caller holding %j with %i', async (roles, status) => {
    expect((await stats(idp.issuer.mintToken({ roles }))).status).toBe(status);
  });

  it('names the role it needs', async () => {
    const response = await stats(idp.issuer.mintToken({ roles: ['reader'] }));
    expect(response.headers.get('www-authenticate')).toContain('scope="analyst"');
    expect(await response.json()).toMatchObject({ code: 'ERR_ROLE_MISSING' });
  });

  it('refuses a request without a token', async () => {
    expect((await stats()).status).toBe(401);
  });

  it('refuses a role added to a token after it was signed', async () => {
    const forged = tamperPayload(idp.issuer.mintToken({ roles: [] }), { cern_roles: ['analyst'] });
    const response = await stats(forged);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'ERR_TOKEN_SIGNATURE_INVALID' });
  });
});
