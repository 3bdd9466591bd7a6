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
        jwks: { reachable: true, keys: 1 },
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
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        jwks: { reachable: false, problem: 'JWKS unreachable' },
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
  it('lists every bad variable', () => {
    expect(() =>
      readTargetApiEnv({
        PORT: '-1',
        SSO_ISSUER: 'nope',
        SSO_JWKS_URI: 'ftp://x',
        API_CLIENT_ID: 'a b',
      }),
    ).toThrow(/PORT[\s\S]*SSO_ISSUER[\s\S]*SSO_JWKS_URI[\s\S]*API_CLIENT_ID/);
  });

  it('defaults to the local emulator and the target-api client id', () => {
    expect(readTargetApiEnv({})).toEqual({
      PORT: 3001,
      HOST: '127.0.0.1',
      SSO_ISSUER: 'http://localhost:8080/auth/realms/cern',
      SSO_JWKS_URI: undefined,
      API_CLIENT_ID: 'target-api',
      DATABASE_URL: undefined,
      DATABASE_POOL_SIZE: 10,
    });
  });
});
