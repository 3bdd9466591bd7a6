import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { type JWK } from 'jose';
import { RequestCounters } from '../admin/request-counters.js';
import { KeyStore } from '../keys/key-store.js';
import { KnownRealmGuard, Realm } from '../http/realm.js';
import { openidConfiguration } from './openid-configuration.js';

@Controller('auth/realms/:realm')
@UseGuards(KnownRealmGuard)
export class DiscoveryController {
  constructor(
    @Inject(Realm) private readonly realm: Realm,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(RequestCounters) private readonly counters: RequestCounters,
  ) {}

  /** OpenID Connect Discovery 1.0, every REQUIRED field included (see openid-configuration.ts). */
  @Get('.well-known/openid-configuration')
  discovery(): Record<string, unknown> {
    return openidConfiguration(this.realm.issuer);
  }

  @Get('protocol/openid-connect/certs')
  @Header('Cache-Control', 'no-cache')
  certs(): { keys: JWK[] } {
    this.counters.jwksRequests += 1;
    return this.keys.jwks();
  }
}
