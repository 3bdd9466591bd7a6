import { randomUUID, type JsonWebKey } from 'node:crypto';
import { signJws } from './sign-jws.js';
import { createTestKey, type TestKey } from './test-key.js';

/**
 * Claims and header of a minted token. Defaults give a valid emulator-shaped API Access token;
 * pass a field as `undefined` explicitly to leave it out (`{ exp: undefined }` has no `exp`).
 */
export interface MintTokenOptions {
  /** `aud`. Default: the issuer's `audience`. */
  aud?: string | readonly string[];
  /** `azp`, the caller. Default `'caller'`. */
  azp?: string;
  /** `sub`. Default `service-account-<azp>`. */
  sub?: string;
  /** Roles in the target, written to `cern_roles` and `resource_access.<aud>.roles`. Default `[]`. */
  roles?: readonly string[];
  /** `iat`, seconds. Default: now. */
  iat?: number;
  /** `exp`, seconds. Default `iat + 1200` (CERN's 20 minutes). */
  exp?: number;
  /** `nbf`, seconds. Default: absent. */
  nbf?: number;
  /** `iss`. Default: the issuer. */
  iss?: string;
  /** `jti`. Default: a random UUID. */
  jti?: string;
  /** Header `kid`. Default: the current key's. */
  kid?: string;
  /** Sign with this published key instead of the current one (its `kid` goes in the header). */
  signingKid?: string;
  /** Header `alg`; the token is really signed with it (RS*, PS* with the RSA key). Default `RS256`. */
  alg?: string;
  /** Header `typ`. Default `'JWT'` (Keycloak's). */
  typ?: string;
  /** Extra header fields, applied last. */
  header?: Readonly<Record<string, unknown>>;
  /** Extra or replacement claims, applied last. */
  claims?: Readonly<Record<string, unknown>>;
}

export interface TestIssuerOptions {
  /** `iss` of minted tokens. */
  issuer: string;
  /** Default `aud`. Default `'target-api'`. */
  audience?: string;
  /** Milliseconds since the epoch, for default `iat`/`exp`. Default `Date.now`. */
  clock?: () => number;
}

/** An in-process token issuer: keys, a JWKS object, and tokens shaped like the CERN SSO's. */
export class TestIssuer {
  readonly issuer: string;
  readonly audience: string;
  private readonly clock: () => number;
  private keys: TestKey[] = [createTestKey()];

  constructor(options: TestIssuerOptions) {
    this.issuer = options.issuer;
    this.audience = options.audience ?? 'target-api';
    this.clock = options.clock ?? Date.now;
  }

  /** The key new tokens are signed with. */
  get currentKey(): TestKey {
    return this.keys[this.keys.length - 1] as TestKey;
  }

  /** The JWKS document, as the SSO's certs endpoint serves it. */
  jwks(): { keys: JsonWebKey[] } {
    return { keys: this.keys.map((key) => key.jwk) };
  }

  /** Starts signing with a new key (returned `kid`); the old ones stay published unless dropped. */
  rotateKeys(options: { keepPrevious?: boolean } = {}): string {
    const next = createTestKey();
    this.keys = options.keepPrevious === false ? [next] : [...this.keys, next];
    return next.kid;
  }

  /** Unpublishes a key, as an SSO does after a rotation. */
  removeKey(kid: string): void {
    this.keys = this.keys.filter((key) => key.kid !== kid);
  }

  /** The payload mintToken would sign, for building tokens by hand. */
  claims(options: MintTokenOptions = {}): Record<string, unknown> {
    const pick = picker(options);
    const aud = pick('aud', this.audience);
    const azp = pick('azp', 'caller');
    const roles = pick('roles', []);
    const iat = pick('iat', Math.floor(this.clock() / 1000));
    const targets = aud === undefined ? [] : typeof aud === 'string' ? [aud] : aud;
    const claims: Record<string, unknown> = {
      exp: pick('exp', (iat ?? Math.floor(this.clock() / 1000)) + 1200),
      iat,
      nbf: options.nbf,
      jti: pick('jti', randomUUID()),
      iss: pick('iss', this.issuer),
      aud,
      sub: pick('sub', azp === undefined ? undefined : `service-account-${azp}`),
      typ: 'Bearer',
      azp,
      cern_roles: roles,
      resource_access: Object.fromEntries(targets.map((target) => [target, { roles }])),
      ...options.claims,
    };
    return withoutUndefined(claims);
  }

  /** The header mintToken would use. */
  header(options: MintTokenOptions = {}): Record<string, unknown> {
    const pick = picker(options);
    return withoutUndefined({
      alg: pick('alg', 'RS256'),
      typ: pick('typ', 'JWT'),
      kid: pick('kid', this.currentKey.kid),
      ...options.header,
    });
  }

  /** A signed token; every default can be overridden (see MintTokenOptions). */
  mintToken(options: MintTokenOptions = {}): string {
    const key = this.keys.find((k) => k.kid === options.signingKid) ?? this.currentKey;
    const header = this.header({ kid: key.kid, ...options });
    return signJws({ header, payload: this.claims(options) }, key.privateKey);
  }

  /** Signs any header and payload (a string payload is the raw JSON text) with the current key. */
  sign(
    header: Readonly<Record<string, unknown>>,
    payload: Readonly<Record<string, unknown>> | string,
  ): string {
    return signJws({ header, payload }, this.currentKey.privateKey);
  }
}

// A field given as `undefined` on purpose means "leave it out", unlike a field not given at all.
function picker(options: MintTokenOptions) {
  return <K extends keyof MintTokenOptions>(name: K, fallback: MintTokenOptions[K]) =>
    name in options ? options[name] : fallback;
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
