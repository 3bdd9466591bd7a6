import { own, type JsonObject } from './decode-token.js';
import { TokenClaimInvalidError } from './token-errors.js';

/** Who called, as proven by a verified token. Frozen: one instance may serve many requests. */
export interface ApiAccessPrincipal {
  /** The caller application's client id: `azp` (Keycloak), else `client_id` (RFC 9068). */
  readonly clientId: string | undefined;
  /** `sub`; at CERN `service-account-<client id>` for applications. */
  readonly subject: string | undefined;
  /** `aud` as a list. */
  readonly audience: readonly string[];
  /** Roles read from the configured roles claim (empty when missing or malformed). */
  readonly roles: readonly string[];
  /** `jti`. */
  readonly tokenId: string | undefined;
  /** True when the caller is an application, not a person (the `isApplication` option decides). */
  readonly isApplication: boolean;
  /** `exp`, seconds since the epoch. */
  readonly expiresAt: number;
  /** Every claim, for checks this package does not model. */
  readonly claims: JsonObject;
}

/** Builds the principal from a verified payload; a registered claim of the wrong type is refused. */
export function buildPrincipal(
  payload: JsonObject,
  roles: readonly string[],
  isApplication: (claims: JsonObject) => boolean,
): ApiAccessPrincipal {
  const subject = optionalString(payload, 'sub');
  const aud = own(payload, 'aud');
  // Both are checked: a string `azp` must not hide a `client_id` of the wrong type, or the reverse.
  const azp = optionalString(payload, 'azp');
  const clientId = optionalString(payload, 'client_id');
  return Object.freeze({
    clientId: azp ?? clientId,
    subject,
    audience: Object.freeze(
      typeof aud === 'string' ? [aud] : Array.isArray(aud) ? aud.filter(isText) : [],
    ),
    roles,
    tokenId: optionalString(payload, 'jti'),
    isApplication: isApplication(payload) === true,
    expiresAt: own(payload, 'exp') as number,
    claims: payload,
  });
}

function isText(value: unknown): value is string {
  return typeof value === 'string';
}

function optionalString(payload: JsonObject, claim: string): string | undefined {
  const value = own(payload, claim);
  if (value === undefined || typeof value === 'string') return value;
  throw new TokenClaimInvalidError(`${claim} is not a string`);
}
