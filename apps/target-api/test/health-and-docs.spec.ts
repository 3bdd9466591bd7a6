import { startTargetApi } from './helpers.js';
import { readTargetApiEnv } from '../src/config/env.schema.js';

describe('GET /health', () => {
  it('is public and ready when the JWKS can be fetched', async () => {
    const api = await startTargetApi();
    try {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        jwks: { state: 'fresh', keys: 1, fetchedAt: expect.any(String) },
      });
    } finally {
      await api.close();
    }
  });

  it('answers 503 when the JWKS cannot be fetched', async () => {
    const api = await startTargetApi();
    try {
      await api.sso.setMode('down');
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        jwks: { state: 'unavailable', failingSince: expect.any(String) },
      });
    } finally {
      await api.close();
    }
  });
});

describe('OpenAPI at /docs', () => {
  it('documents bearer auth and the roles of each route', async () => {
    const api = await startTargetApi();
    try {
      expect((await fetch(`${api.url}/docs`)).status).toBe(200);
      const document = (await (await fetch(`${api.url}/docs-json`)).json()) as {
        components: { securitySchemes: Record<string, { scheme: string }> };
        paths: Record<string, Record<string, { description?: string; security?: unknown[] }>>;
      };
      expect(document.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
      expect(document.paths['/reports']!.get!.description).toContain('`reader`, `writer`, `admin`');
      expect(document.paths['/reports']!.post!.description).toContain('`writer`');
      expect(document.paths['/reports/{id}']!.delete!.description).toContain('`admin`');
      expect(document.paths['/reports/audit']!.get!.description).toContain(
        'both roles `reader` and `auditor`',
      );
      expect(document.paths['/reports']!.get!.security).toEqual([{ bearer: [] }]);
    } finally {
      await api.close();
    }
  });
});

describe('environment', () => {
  it.each([
    [{}, 403, 'ERR_ROLE_MISSING'],
    [{ SSO_ROLES_CLAIM: 'resource_access.target-api.roles' }, 200, undefined],
  ])('reads roles where SSO_ROLES_CLAIM says (%j)', async (env, status, code) => {
    const api = await startTargetApi(env);
    try {
      // The reader role only in this API's resource_access, none in cern_roles.
      const token = api.sso.issuer.mintToken({ roles: ['reader'], claims: { cern_roles: [] } });
      const response = await fetch(`${api.url}/reports`, {
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as { code?: string };
      expect([response.status, body.code]).toEqual([status, code]);
    } finally {
      await api.close();
    }
  });

  it('accepts only the algorithms SSO_ALGORITHMS lists', async () => {
    const api = await startTargetApi({ SSO_ALGORITHMS: 'PS256' });
    try {
      const call = async (alg: string) => {
        const token = api.sso.issuer.mintToken({ alg, roles: ['reader'] });
        const response = await fetch(`${api.url}/reports`, {
          headers: { authorization: `Bearer ${token}` },
        });
        return [response.status, ((await response.json()) as { code?: string }).code];
      };
      expect(await call('PS256')).toEqual([200, undefined]);
      expect(await call('RS256')).toEqual([401, 'ERR_TOKEN_ALG_NOT_ALLOWED']);
    } finally {
      await api.close();
    }
  });

  it('lists every bad variable', () => {
    expect(() =>
      readTargetApiEnv({
        PORT: '-1',
        SSO_ISSUER: 'nope',
        SSO_JWKS_URI: 'ftp://x',
        SSO_ROLES_CLAIM: 'resource_access..roles',
        SSO_ALGORITHMS: 'RS256,HS256',
        API_CLIENT_ID: 'a b',
      }),
    ).toThrow(
      /PORT[\s\S]*SSO_ISSUER[\s\S]*SSO_JWKS_URI[\s\S]*SSO_ROLES_CLAIM[\s\S]*SSO_ALGORITHMS[\s\S]*API_CLIENT_ID/,
    );
  });

  it('defaults to the local emulator and the target-api client id', () => {
    expect(readTargetApiEnv({})).toEqual({
      PORT: 3001,
      HOST: '127.0.0.1',
      SSO_ISSUER: 'http://localhost:8080/auth/realms/cern',
      SSO_JWKS_URI: undefined,
      SSO_ROLES_CLAIM: 'cern_roles',
      SSO_ALGORITHMS: 'RS256',
      API_CLIENT_ID: 'target-api',
    });
  });
});
