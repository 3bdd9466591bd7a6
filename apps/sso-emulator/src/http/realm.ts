import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { type Request } from 'express';
import { type EmulatorConfig, realmUrl } from '../config/emulator-config.js';

/**
 * The emulator's identity: the URLs every token and document name. Without SSO_PUBLIC_URL the
 * public URL is `http://localhost:<port>`, known only once the server is bound (port 0 in tests).
 */
export class Realm {
  private boundPort: number;

  constructor(readonly config: EmulatorConfig) {
    this.boundPort = config.port;
  }

  bind(port: number): void {
    this.boundPort = port;
  }

  get publicUrl(): string {
    return this.config.publicUrl ?? `http://localhost:${this.boundPort}`;
  }

  get issuer(): string {
    return realmUrl(this.publicUrl, this.config.realm);
  }
}

/** Routes under `/auth/realms/:realm` answer only for the configured realm, like Keycloak. */
@Injectable()
export class KnownRealmGuard implements CanActivate {
  constructor(@Inject(Realm) private readonly realm: Realm) {}

  canActivate(context: ExecutionContext): boolean {
    const { realm } = context.switchToHttp().getRequest<Request>().params;
    if (realm !== this.realm.config.realm)
      throw new NotFoundException(`Realm "${String(realm)}" does not exist`);
    return true;
  }
}
