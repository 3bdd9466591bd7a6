import 'reflect-metadata';
import { Controller, Delete, Get, Module, type INestApplication } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import axios from 'axios';
import { TokenClient, withApiAccess } from '@cern-sso/api-access/client';
import {
  AccessTokenVerifier,
  type ApiAccessOptions,
  type ApiAccessPrincipal,
} from '@cern-sso/api-access/server';
import {
  AllowedCallers,
  ApiAccessGuard,
  ApiAccessModule,
  CurrentPrincipal,
  Roles,
} from '@cern-sso/api-access/server/nestjs';
import {
  ROLES_CLAIM,
  startOidcProvider,
  type RunningOidcProvider,
} from './support/oidc-provider.js';

const REPORTS_API = 'https://reports-api.example/';
const OTHER_API = 'https://other-api.example/';
const clients = { caller: 'caller-secret', stranger: 'stranger-secret' };
const roles = { [REPORTS_API]: { caller: ['reader'] }, [OTHER_API]: { caller: ['reader'] } };

/**
 * How an API configures the guard for this provider's tokens: issuer and audience, nothing else
 * about the server. The JWKS URL comes from the issuer's discovery document.
 */
const guardOptions = (op: RunningOidcProvider): ApiAccessOptions => ({
  issuer: op.issuer,
  clientId: REPORTS_API,
  rolesClaim: ROLES_CLAIM,
  requireTyp: 'at+jwt',
});

@Controller('reports')
class ReportsController {
  @Get()
  @Roles('reader')
  list(@CurrentPrincipal() caller: ApiAccessPrincipal) {
    return { caller: caller.clientId ?? null, roles: caller.roles };
  }

  @Delete(':id')
  @Roles('admin')
  remove() {
    return { deleted: true };
  }

  @Get('audit')
  @AllowedCallers('caller')
  audit() {
    return { audited: true };
  }
}

describe('the guard accepts and refuses the tokens of node-oidc-provider (RFC 9068)', () => {
  let op: RunningOidcProvider;
  let elsewhere: RunningOidcProvider;
  let app: INestApplication;
  let url: string;
  const tokens: Record<'caller' | 'stranger' | 'otherAudience' | 'otherIssuer' | 'opaque', string> =
    { caller: '', stranger: '', otherAudience: '', otherIssuer: '', opaque: '' };

  const tokenFor = (
    provider: RunningOidcProvider,
    clientId: keyof typeof clients,
    resource: string,
    options: { opaque?: boolean } = {},
  ) =>
    new TokenClient({
      tokenEndpoint: provider.tokenEndpoint,
      clientId,
      clientSecret: clients[clientId],
      // Without `resource` the provider issues an opaque token.
      targetParameters: options.opaque ? ['audience'] : ['resource'],
      checkTokenAudience: !options.opaque,
    }).getToken(resource);

  beforeAll(async () => {
    op = await startOidcProvider({ clients, roles });
    elsewhere = await startOidcProvider({ clients, roles });
    tokens.caller = await tokenFor(op, 'caller', REPORTS_API);
    tokens.stranger = await tokenFor(op, 'stranger', REPORTS_API);
    tokens.otherAudience = await tokenFor(op, 'caller', OTHER_API);
    tokens.otherIssuer = await tokenFor(elsewhere, 'caller', REPORTS_API);
    tokens.opaque = await tokenFor(op, 'caller', REPORTS_API, { opaque: true });

    @Module({
      imports: [ApiAccessModule.forRoot(guardOptions(op))],
      controllers: [ReportsController],
      providers: [{ provide: APP_GUARD, useExisting: ApiAccessGuard }],
    })
    class AppModule {}
    app = await NestFactory.create<NestExpressApplication>(AppModule, { logger: false });
    await app.listen(0, '127.0.0.1');
    url = await app.getUrl();
  });
  afterAll(async () => {
    await app?.close();
    await op?.stop();
    await elsewhere?.stop();
  });

  describe('AccessTokenVerifier', () => {
    it("accepts the caller's token and reads its roles from the roles claim", async () => {
      const principal = await new AccessTokenVerifier(guardOptions(op)).verify(tokens.caller);
      expect(principal).toMatchObject({ roles: ['reader'], audience: [REPORTS_API] });
    });

    it.each([
      { token: 'otherAudience', code: 'ERR_TOKEN_AUDIENCE_INVALID' },
      { token: 'otherIssuer', code: 'ERR_TOKEN_ISSUER_INVALID' },
      { token: 'opaque', code: 'ERR_TOKEN_MALFORMED' },
    ] as const)('refuses the $token token with $code', async ({ token, code }) => {
      const verifier = new AccessTokenVerifier(guardOptions(op));
      await expect(verifier.verify(tokens[token])).rejects.toMatchObject({ code });
    });

    it('names the caller by client_id (RFC 9068 has no azp)', async () => {
      const principal = await new AccessTokenVerifier(guardOptions(op)).verify(tokens.caller);
      expect(principal.clientId).toBe('caller');
    });
  });

  describe('a Nest app with the guard, over HTTP', () => {
    const call = async (method: string, path: string, token: string) => {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}` },
      });
      const body = (await response.json()) as Record<string, unknown>;
      return { status: response.status, challenge: response.headers.get('www-authenticate'), body };
    };

    it('lets the caller read with its role', async () => {
      const { status, body } = await call('GET', '/reports', tokens.caller);
      expect(status).toBe(200);
      expect(body).toEqual({ caller: 'caller', roles: ['reader'] });
    });

    it.each([
      {
        who: 'the caller, without the admin role',
        token: 'caller',
        method: 'DELETE',
        path: '/reports/7',
        status: 403,
        code: 'ERR_ROLE_MISSING',
        error: 'insufficient_scope',
      },
      {
        who: 'a client with no role there',
        token: 'stranger',
        method: 'GET',
        path: '/reports',
        status: 403,
        code: 'ERR_ROLE_MISSING',
        error: 'insufficient_scope',
      },
      {
        who: 'a token for another resource',
        token: 'otherAudience',
        method: 'GET',
        path: '/reports',
        status: 401,
        code: 'ERR_TOKEN_AUDIENCE_INVALID',
        error: 'invalid_token',
      },
      {
        who: "another provider's token",
        token: 'otherIssuer',
        method: 'GET',
        path: '/reports',
        status: 401,
        code: 'ERR_TOKEN_ISSUER_INVALID',
        error: 'invalid_token',
      },
      {
        who: 'an opaque token',
        token: 'opaque',
        method: 'GET',
        path: '/reports',
        status: 401,
        code: 'ERR_TOKEN_MALFORMED',
        error: 'invalid_token',
      },
      {
        who: 'a client not on the allow-list',
        token: 'stranger',
        method: 'GET',
        path: '/reports/audit',
        status: 403,
        code: 'ERR_CALLER_NOT_ALLOWED',
        error: 'insufficient_scope',
      },
    ] as const)('refuses $who: $status $code', async ({ token, method, path, ...expected }) => {
      const { status, challenge, body } = await call(method, path, tokens[token]);
      expect({ status, code: body.code }).toEqual({ status: expected.status, code: expected.code });
      expect(challenge).toContain(`error="${expected.error}"`);
    });

    it('serves a caller that uses the token client with resource and withApiAccess', async () => {
      const client = new TokenClient({
        tokenEndpoint: op.tokenEndpoint,
        clientId: 'caller',
        clientSecret: clients.caller,
        targetParameters: ['resource'],
      });
      const reports = withApiAccess(axios.create({ baseURL: url }), {
        client,
        audience: REPORTS_API,
      });
      expect((await reports.get('/reports')).data).toMatchObject({ roles: ['reader'] });
      await expect(reports.delete('/reports/7')).rejects.toMatchObject({
        code: 'ERR_TARGET_FORBIDDEN',
        requiredRoles: ['admin'],
        targetCode: 'ERR_ROLE_MISSING',
      });
    });

    it('lets the allowed caller in by its client_id', async () => {
      const { status, body } = await call('GET', '/reports/audit', tokens.caller);
      expect({ status, body }).toEqual({ status: 200, body: { audited: true } });
    });
  });
});
