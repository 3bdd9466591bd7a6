import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExpressApp } from '../../../examples/express/express-app.js';
import { createHttpServer } from '../../../examples/node-http/http-server.js';
import { startTestIssuer, type ServedTestIssuer } from '../../../src/testing/index.js';
import {
  AccessTokenVerifier,
  type ApiAccessOptions,
  type ApiAccessPrincipal,
} from '../../../src/server/index.js';
import {
  AllowedCallers,
  ApiAccessGuard,
  ApiAccessModule,
  CurrentPrincipal,
  Public,
  RequireAllRoles,
  Roles,
} from '../../../src/server/nestjs/index.js';

/** Class-level `reader`, with handlers that override, add to, or drop it. */
@Controller('items')
@Roles('reader')
class ItemsController {
  @Get()
  list(): { ok: true } {
    return { ok: true };
  }

  @Get('admin')
  @Roles('admin')
  admin(): { ok: true } {
    return { ok: true };
  }

  @Get('write-and-read')
  @RequireAllRoles('reader', 'writer')
  both(): { ok: true } {
    return { ok: true };
  }

  @Get('ops-only')
  @AllowedCallers('ops-bot')
  @Roles('admin')
  opsOnly(): { ok: true } {
    return { ok: true };
  }

  @Get('health')
  @Public()
  health(): { ok: true } {
    return { ok: true };
  }

  @Get('public-me')
  @Public()
  publicMe(@CurrentPrincipal() principal: ApiAccessPrincipal): { clientId: string | undefined } {
    return { clientId: principal.clientId };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: ApiAccessPrincipal): Omit<ApiAccessPrincipal, 'claims'> {
    const { clientId, subject, audience, roles, tokenId, isApplication, expiresAt } = principal;
    return { clientId, subject, audience, roles, tokenId, isApplication, expiresAt };
  }
}

/** No requirement beyond a valid token; `@Public()` on the class, re-protected on one handler. */
@Controller('open')
@Public()
class OpenController {
  @Get()
  open(): { ok: true } {
    return { ok: true };
  }

  @Get('protected')
  @Public(false)
  protectedOne(): { ok: true } {
    return { ok: true };
  }
}

@Controller('any-token')
class AnyTokenController {
  @Get()
  any(): { ok: true } {
    return { ok: true };
  }
}

export interface GuardedApp {
  readonly url: string;
  /** The app's verifier, to read its key-set state. */
  readonly verifier: AccessTokenVerifier;
  close(): Promise<void>;
}

/**
 * The three ways to guard the same API, each a tested example: the Nest module, an Express app
 * with the passport strategy (examples/express), a plain `http` server (examples/node-http).
 * The role matrix and the attack specs run against each.
 */
export const GUARD_KINDS = ['nest', 'express', 'node-http'] as const;
export type GuardKind = (typeof GUARD_KINDS)[number];

/**
 * In a `describe`: a test issuer and the API guarded the `kind` way, started before the block's
 * tests and stopped after them. Read `idp` and `app` inside tests, not at describe time.
 */
export function useGuardedApp(kind: GuardKind): {
  readonly idp: ServedTestIssuer;
  readonly app: GuardedApp;
} {
  const running = {} as { idp: ServedTestIssuer; app: GuardedApp };
  beforeAll(async () => {
    running.idp = await startTestIssuer();
    const options = { issuer: running.idp.issuer.issuer, clientId: 'target-api' };
    running.app = await startGuardedApp(options, false, kind);
  });
  afterAll(async () => {
    await running.app?.close();
    await running.idp?.stop();
  });
  return running;
}

/** The API with its guard, on 127.0.0.1:0. */
export async function startGuardedApp(
  options: ApiAccessOptions,
  logger: LoggerService | false = false,
  kind: GuardKind = 'nest',
): Promise<GuardedApp> {
  if (kind === 'nest') return startNestApp(options, logger);
  const verifier = new AccessTokenVerifier(options);
  const server =
    kind === 'express' ? createServer(createExpressApp(verifier)) : createHttpServer(verifier);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    verifier,
    close: async () => {
      verifier.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** A small Nest app with the guard installed globally, as an app would do it. */
async function startNestApp(
  options: ApiAccessOptions,
  logger: LoggerService | false,
): Promise<GuardedApp> {
  @Module({
    imports: [ApiAccessModule.forRoot(options)],
    controllers: [ItemsController, OpenController, AnyTokenController],
    providers: [{ provide: APP_GUARD, useExisting: ApiAccessGuard }],
  })
  class TestAppModule {}

  const app: INestApplication = await NestFactory.create(TestAppModule, { logger });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    verifier: app.get(AccessTokenVerifier),
    close: () => app.close(),
  };
}
