import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { type JWK } from 'jose';
import { RequestCounters } from '../admin/request-counters.js';
import { KeyStore } from '../keys/key-store.js';
import { KnownRealmGuard, Realm } from '../http/realm.js';

@Controller('auth/realms/:realm')
@UseGuards(KnownRealmGuard)
export class DiscoveryController {
  constructor(
    @Inject(Realm) private readonly realm: Realm,
    @Inject(KeyStore) private readonly keys: KeyStore,
    @Inject(RequestCounters) private readonly counters: RequestCounters,
  ) {}

  /** Keycloak's discovery document, trimmed to what this emulator implements. */
  @Get('.well-known/openid-configuration')
  discovery(): Record<string, unknown> {
    const issuer = this.realm.issuer;
    return {
      issuer,
      token_endpoint: `${issuer}/protocol/openid-connect/token`,
      jwks_uri: `${issuer}/protocol/openid-connect/certs`,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      id_token_signing_alg_values_supported: ['RS256'],
      // Not a Keycloak field: CERN does not advertise API Access; the emulator says where it is.
      api_access_token_endpoint: `${issuer}/api-access/token`,
    };
  }

  @Get('protocol/openid-connect/certs')
  @Header('Cache-Control', 'no-cache')
  certs(): { keys: JWK[] } {
    this.counters.jwksRequests += 1;
    return this.keys.jwks();
  }
}
