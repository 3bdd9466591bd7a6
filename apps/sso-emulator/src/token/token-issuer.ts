import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { type KeyStore } from '../keys/key-store.js';
import { type Realm } from '../http/realm.js';

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  refresh_expires_in: 0;
  token_type: 'Bearer';
  'not-before-policy': 0;
  scope: string;
}

export interface IssueRequest {
  callerId: string;
  /** The target application's client id (API Access); absent for the standard endpoint. */
  audience?: string;
  /** The caller's roles in the target; only with an audience. */
  roles?: string[];
}

/** Signs Keycloak-shaped access tokens with the realm's current key. */
export class TokenIssuer {
  constructor(
    private readonly keys: KeyStore,
    private readonly realm: Realm,
    private readonly now: () => number = Date.now,
  ) {}

  async issue({ callerId, audience, roles }: IssueRequest): Promise<TokenResponse> {
    const iat = Math.floor(this.now() / 1000);
    const claims: Record<string, unknown> = {
      typ: 'Bearer',
      azp: callerId,
      scope: 'profile email',
    };
    if (audience !== undefined) {
      claims.cern_roles = roles ?? [];
      claims.resource_access = { [audience]: { roles: roles ?? [] } };
    }
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.keys.current.kid })
      .setIssuer(this.realm.issuer)
      .setSubject(`service-account-${callerId}`)
      .setIssuedAt(iat)
      .setExpirationTime(iat + this.realm.config.tokenLifetimeSec)
      .setJti(randomUUID());
    if (audience !== undefined) jwt.setAudience(audience);
    return {
      access_token: await jwt.sign(this.keys.current.privateKey),
      expires_in: this.realm.config.tokenLifetimeSec,
      refresh_expires_in: 0,
      token_type: 'Bearer',
      'not-before-policy': 0,
      scope: 'profile email',
    };
  }
}
