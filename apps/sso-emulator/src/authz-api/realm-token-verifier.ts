import { AccessTokenVerifier } from '@cern-sso/api-access/server';
import { type Realm } from '../http/realm.js';
import { type KeyStore } from '../keys/key-store.js';
import { AUTHZ_API_CLIENT_ID } from './access-roles.js';
import { keyStoreSource } from './key-store-source.js';

/** What `ApiAccessGuard` and its passport strategy use of the verifier; the compiler checks it. */
type GuardVerifier = Pick<AccessTokenVerifier, 'options' | 'cached' | 'keyFor' | 'acceptVerified'>;

/**
 * The verifier behind the emulator's own `ApiAccessGuard`: issuer = the realm URL, audience =
 * `authorization-service-api`, keys from the realm's KeyStore.
 *
 * Why not `ApiAccessModule.forRootAsync`: the module builds its verifier while Nest builds its
 * providers, before the server listens, and with PORT=0 (tests, `pnpm demo`) and no
 * SSO_PUBLIC_URL the realm URL contains the port, known only after listen. So the real
 * `AccessTokenVerifier` is built on first use: a request proves the server is bound. It is built
 * again whenever the realm's keys change, so a retired key is refused at once (a service that
 * reads a remote JWKS waits for its next refresh instead).
 */
export class RealmTokenVerifier implements GuardVerifier {
  private verifier: AccessTokenVerifier | undefined;
  private kids = '';

  constructor(
    private readonly realm: Realm,
    private readonly keys: KeyStore,
    /** The emulator's clock, so tokens it mints at an injected time verify at that time. */
    private readonly now: () => number,
  ) {}

  get options(): AccessTokenVerifier['options'] {
    return this.current().options;
  }

  cached(token: string): ReturnType<AccessTokenVerifier['cached']> {
    return this.current().cached(token);
  }

  keyFor(token: string): ReturnType<AccessTokenVerifier['keyFor']> {
    return this.current().keyFor(token);
  }

  acceptVerified(
    token: string,
    payload: unknown,
  ): ReturnType<AccessTokenVerifier['acceptVerified']> {
    return this.current().acceptVerified(token, payload);
  }

  close(): void {
    this.verifier?.close();
  }

  private current(): AccessTokenVerifier {
    const kids = this.keys
      .jwks()
      .keys.map((key) => key.kid)
      .join(' ');
    if (this.verifier === undefined || kids !== this.kids) {
      this.verifier?.close();
      this.kids = kids;
      this.verifier = new AccessTokenVerifier(
        { issuer: this.realm.issuer, clientId: AUTHZ_API_CLIENT_ID, clock: this.now },
        keyStoreSource(this.keys),
      );
    }
    return this.verifier;
  }
}
