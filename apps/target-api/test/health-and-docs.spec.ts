import { SsoStartupCheck } from '../src/health/sso-startup-check.js';
import { captureLogs } from '@cern-sso/observability/testing';
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
        issuer: { matches: true },
      });
    } finally {
      await api.close();
    }
  });

  it('answers 503 when the JWKS cannot be fetched', async () => {
    const api = await startTargetApi({ jwks: 'down' });
    try {
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        status: 'unavailable',
        jwks: {
          state: 'unavailable',
          failingSince: expect.any(String),
          problem: expect.stringContaining(`JWKS ${api.sso.jwksUri} failed`),
        },
        issuer: expect.objectContaining({ matches: false }),
      });
    } finally {
      await api.close();
    }
  });
});

describe('the SSO check at start', () => {
  it('logs nothing when the SSO is as configured', async () => {
    const logs = captureLogs();
    const api = await startTargetApi({ logs });
    try {
      expect(await api.app.get(SsoStartupCheck).done).toEqual([]);
      expect(logs.warnings()).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('starts anyway when the JWKS cannot be fetched, with one WARN naming its URL, and /health says so', async () => {
    const logs = captureLogs();
    const api = await startTargetApi({ logs, jwks: 'down' });
    try {
      await api.app.get(SsoStartupCheck).done;
      const problem = `JWKS ${api.sso.jwksUri} failed`;
      expect(logs.warnings().filter((line) => line.includes(problem))).toHaveLength(1);
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { jwks: { problem: string } }).jwks.problem).toContain(
        problem,
      );
    } finally {
      await api.close();
    }
  });

  it('warns once when the SSO names another issuer than SSO_ISSUER, and /health says so', async () => {
    const logs = captureLogs();
    // The Docker mistake: keys fetched at one address, the issuer written as another.
    const api = await startTargetApi({
      logs,
      env: (sso) => ({
        SSO_ISSUER: sso.issuer.issuer.replace('127.0.0.1', 'localhost'),
        SSO_JWKS_URI: sso.jwksUri,
      }),
    });
    try {
      const realm = api.sso.issuer.issuer;
      const problem = `discovery ${realm}/.well-known/openid-configuration names the issuer "${realm}", but SSO_ISSUER is "${realm.replace('127.0.0.1', 'localhost')}": every token will be refused (ERR_TOKEN_ISSUER_INVALID)`;
      expect(await api.app.get(SsoStartupCheck).done).toEqual([problem]);
      expect(logs.warnings()).toEqual([expect.stringContaining(problem)]);
      const response = await fetch(`${api.url}/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({
        status: 'unavailable',
        jwks: { state: 'fresh' },
        issuer: { matches: false, problem },
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
        paths: Record<
          string,
          Record<
            string,
            {
              description?: string;
              security?: unknown[];
              responses: Record<string, { description?: string }>;
            }
          >
        >;
      };
      expect(document.components.securitySchemes.bearer).toMatchObject({ scheme: 'bearer' });
      expect(document.paths['/reports']!.get!.description).toContain('`reader`, `writer`, `admin`');
      expect(document.paths['/reports']!.post!.description).toContain('`writer`');
      expect(document.paths['/reports/{id}']!.delete!.description).toContain('`admin`');
      expect(document.paths['/reports/audit']!.get!.description).toContain(
        'both roles `reader` and `auditor`',
      );
      expect(document.paths['/reports']!.get!.security).toEqual([{ bearer: [] }]);
      // The 403 names the same roles as the guard's metadata: both come from @GuardedOperation.
      expect(document.paths['/reports/audit']!.get!.responses['403']).toEqual({
        description: 'Valid token without both roles `reader` and `auditor`',
      });
      expect(document.paths['/whoami']!.get!.responses['403']).toBeUndefined();
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
    const api = await startTargetApi({ env: () => env });
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
    const api = await startTargetApi({ env: () => ({ SSO_ALGORITHMS: 'PS256' }) });
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

  it('refuses an empty value instead of silently using the default', () => {
    expect(() => readTargetApiEnv({ API_CLIENT_ID: '' })).toThrow(
      'API_CLIENT_ID: expected a client id, got an empty value (unset it to use the default "target-api")',
    );
  });

  it('fails at start naming a bad caller cap for the decision metric', () => {
    expect(() => readTargetApiEnv({ METRICS_MAX_CALLERS: '-1' })).toThrow(
      /METRICS_MAX_CALLERS: expected an integer from 0 to 10000, got "-1"/,
    );
  });
});
