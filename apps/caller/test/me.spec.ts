import { decodeJwt } from 'jose';
import { type INestApplication } from '@nestjs/common';
import { TokenClient } from '@cern-sso/api-access/client';
import { type RunningEmulator } from '@cern-sso/sso-emulator';
import { startCaller, startTestEmulator } from './helpers.js';

// GET /me against the real emulator: its Authorization Service API and its tokens.
let sso: RunningEmulator;
const callers: { app: INestApplication; url: string }[] = [];

beforeAll(async () => (sso = await startTestEmulator()));
afterAll(async () => {
  await Promise.all(callers.map((caller) => caller.app.close()));
  await sso.close();
});

async function callerAs(clientId: string): Promise<string> {
  const caller = await startCaller({
    CALLER_CLIENT_ID: clientId,
    CALLER_CLIENT_SECRET: `${clientId}-secret`,
    SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
    AUTHZ_API_URL: `${sso.url}/api/v1.0`,
  });
  callers.push(caller);
  return caller.url;
}

async function me(url: string) {
  const response = await fetch(`${url}/me`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function rolesInToken(clientId: string): Promise<unknown> {
  const token = await new TokenClient({
    tokenEndpoint: `${sso.url}/auth/realms/cern/api-access/token`,
    clientId,
    clientSecret: `${clientId}-secret`,
  }).getToken('target-api');
  return decodeJwt(token).cern_roles;
}

describe('GET /me', () => {
  it('shows the caller, its groups and why it holds each role in target-api', async () => {
    const { status, body } = await me(await callerAs('caller'));
    expect(status).toBe(200);
    expect(body).toEqual({
      identity: {
        id: expect.any(String),
        upn: 'caller',
        displayName: 'Caller (demo)',
        type: 'Application',
      },
      groups: ['authz-api-readers', 'reporting-apps', 'target-api-readers', 'target-api-writers'],
      application: 'target-api',
      roles: [
        {
          name: 'reader',
          description: 'List reports',
          held: true,
          grantedTo: ['target-api-readers'],
          via: ['target-api-readers'],
        },
        {
          name: 'writer',
          description: 'Create reports',
          held: true,
          grantedTo: ['target-api-writers'],
          via: ['target-api-writers'],
        },
        {
          name: 'admin',
          description: 'Delete reports',
          held: false,
          grantedTo: ['target-api-admins'],
          via: [],
        },
        {
          name: 'auditor',
          description: 'Read the audit trail (together with reader)',
          held: false,
          grantedTo: ['target-api-auditors'],
          via: [],
        },
      ],
      held: ['reader', 'writer'],
    });
  });

  it.each(['caller', 'ops-bot', 'auditor-bot'])(
    'reports as held exactly the roles a token for target-api carries: %s',
    async (clientId) => {
      const { body } = await me(await callerAs(clientId));
      expect(body.held).toEqual(await rolesInToken(clientId));
    },
  );

  it('passes on the Authorization Service API refusing a caller without its reader role', async () => {
    const { status, body } = await me(await callerAs('stranger'));
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: 'target_forbidden' });
    expect(body.reason).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/v1\.0\/Identity\/[0-9a-f-]+\/groups\?.* requires role "reader" for audience "authorization-service-api"/,
    );
  });
});
