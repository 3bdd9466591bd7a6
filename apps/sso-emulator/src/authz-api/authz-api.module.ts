import { type DynamicModule, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { ApiAccessGuard, ApiAccessPassportStrategy } from '@cern-sso/api-access/server/nestjs';
import { type Realm } from '../http/realm.js';
import { type KeyStore } from '../keys/key-store.js';
import { type Registry } from '../registry/registry.js';
import { ApplicationController } from './application.controller.js';
import { checkAccessRoles } from './check-access-roles.js';
import { Directory } from './directory.js';
import { GroupController } from './group.controller.js';
import { IdentityController } from './identity.controller.js';
import { RealmTokenVerifier } from './realm-token-verifier.js';

export interface AuthzApiParts {
  realm: Realm;
  registry: Registry;
  keys: KeyStore;
  now: () => number;
}

/**
 * A subset of CERN's Authorization Service API under `/api/v1.0`, read from the registry and
 * guarded by this project's own `ApiAccessGuard`: the emulator accepts the tokens it issues
 * exactly as any API built with the package does. Only these controllers use the guard.
 */
@Module({})
export class AuthzApiModule implements OnModuleDestroy {
  constructor(@Inject(AccessTokenVerifier) private readonly verifier: RealmTokenVerifier) {}

  static with(parts: AuthzApiParts): DynamicModule {
    checkAccessRoles(parts.registry);
    return {
      module: AuthzApiModule,
      controllers: [IdentityController, GroupController, ApplicationController],
      providers: [
        {
          provide: AccessTokenVerifier,
          useValue: new RealmTokenVerifier(parts.realm, parts.keys, parts.now),
        },
        ApiAccessPassportStrategy,
        ApiAccessGuard,
        { provide: Directory, useValue: new Directory(parts.registry) },
      ],
    };
  }

  onModuleDestroy(): void {
    this.verifier.close();
  }
}
