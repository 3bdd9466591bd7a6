import 'reflect-metadata';
import { Controller, Get, Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { APP_GUARD, NestFactory } from '@nestjs/core';
import type { AddressInfo } from 'node:net';
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

/** A small Nest app with the guard installed globally, as an app would do it, on 127.0.0.1:0. */
export async function startGuardedApp(
  options: ApiAccessOptions,
  logger: LoggerService | false = false,
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
