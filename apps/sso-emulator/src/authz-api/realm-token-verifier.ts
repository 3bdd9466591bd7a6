import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { type Realm } from '../http/realm.js';
import { type KeyStore } from '../keys/key-store.js';
import { AUTHZ_API_CLIENT_ID } from './access-roles.js';
import { keyStoreSource } from './key-store-source.js';

/** What `ApiAccessGuard` uses of its verifier; the compiler checks this class provides it. */
type GuardVerifier = Pick<AccessTokenVerifier, 'verify' | 'options'>;

/**
 * The verifier behind the emulator's own `ApiAccessGuard`: issuer = the realm URL, audience =
 * `authorization-service-api`, keys from the realm's KeyStore.
 *
 * Why not `ApiAccessModule.forRootAsync`: the module builds its verifier while Nest builds its
 * providers, before the server listens, and with PORT=0 (tests, `pnpm demo`) and no
 * SSO_PUBLIC_URL the realm URL contains the port, known only after listen. So the real
 * `AccessTokenVerifier` is built on first use: a request proves the server is bound.
 */
export class RealmTokenVerifier implements GuardVerifier {
  private verifier: AccessTokenVerifier | undefined;

  constructor(
    private readonly realm: Realm,
    private readonly keys: KeyStore,
    /** The emulator's clock, so tokens it mints at an injected time verify at that time. */
    private readonly now: () => number,
  ) {}

  get options(): AccessTokenVerifier['options'] {
    return this.bound().options;
  }

  verify(token: string): ReturnType<AccessTokenVerifier['verify']> {
    return this.bound().verify(token);
  }

  private bound(): AccessTokenVerifier {
    this.verifier ??= new AccessTokenVerifier(
      { issuer: this.realm.issuer, clientId: AUTHZ_API_CLIENT_ID, clock: this.now },
      keyStoreSource(this.keys),
    );
    return this.verifier;
  }
}
