import type { ApiAccessErrorCode, RefusalCode } from './any-error.js';

/** How the guard answers a refusal over HTTP. */
export interface RefusalEntry {
  readonly side: 'api';
  readonly status: 400 | 401 | 403 | 503;
  /**
   * The RFC 6750 `error` of the `WWW-Authenticate` challenge; `none` for a challenge without one
   * (401, no credentials: RFC 6750 section 3.1) or for no challenge at all (503).
   */
  readonly rfc6750: 'invalid_request' | 'invalid_token' | 'insufficient_scope' | 'none';
  readonly meaning: string;
}

/** An error thrown to the calling code, which this package never answers over HTTP. */
export interface ThrownEntry {
  readonly side: 'caller' | 'both' | 'matrix';
  readonly status: undefined;
  readonly rfc6750: 'none';
  readonly meaning: string;
}

export type CatalogueEntry<C extends ApiAccessErrorCode = ApiAccessErrorCode> =
  C extends RefusalCode ? RefusalEntry : ThrownEntry;

const refusal = (
  status: RefusalEntry['status'],
  rfc6750: RefusalEntry['rfc6750'],
  meaning: string,
): RefusalEntry => Object.freeze({ side: 'api', status, rfc6750, meaning });
const thrown = (side: ThrownEntry['side'], meaning: string): ThrownEntry =>
  Object.freeze({ side, status: undefined, rfc6750: 'none', meaning });

/**
 * Every code of the package in one place: who throws it, how the guard answers it over HTTP
 * (`toHttpRefusal` reads status and challenge here) and what it means. The docs' tables are
 * checked against it.
 */
export const ERROR_CATALOGUE: { readonly [C in ApiAccessErrorCode]: CatalogueEntry<C> } =
  Object.freeze({
    ERR_INVALID_OPTION: thrown(
      'both',
      'a bad option at construction or bootstrap, or a bad argument',
    ),
    ERR_TOKEN_REQUEST_OAUTH: thrown(
      'caller',
      'the SSO refused the token request with an RFC 6749 error',
    ),
    ERR_TOKEN_REQUEST_HTTP: thrown(
      'caller',
      'the SSO answered an error status without an OAuth body',
    ),
    ERR_TOKEN_REQUEST_NETWORK: thrown(
      'caller',
      'the SSO could not be reached (DNS, refused, reset)',
    ),
    ERR_TOKEN_REQUEST_TIMEOUT: thrown('caller', 'the SSO did not answer within `timeoutMs`'),
    ERR_TOKEN_REQUEST_INVALID_RESPONSE: thrown(
      'caller',
      "the SSO's 2xx is not a usable token response",
    ),
    ERR_TOKEN_REQUEST_WRONG_AUDIENCE: thrown(
      'caller',
      'the token is not a JWT for the requested audience',
    ),
    ERR_TARGET_UNAUTHORIZED: thrown('caller', 'the target answered 401 even to a fresh token'),
    ERR_TARGET_FORBIDDEN: thrown('caller', 'the target answered 403: the token lacks a role'),
    ERR_TOKEN_MISSING: refusal(401, 'none', 'no bearer token'),
    ERR_AUTHORIZATION_HEADER_MALFORMED: refusal(
      400,
      'invalid_request',
      '`Authorization` is not `Bearer <one token>`',
    ),
    ERR_TOKEN_MALFORMED: refusal(
      401,
      'invalid_token',
      'not three base64url parts, or a header or payload that is not JSON',
    ),
    ERR_TOKEN_PAYLOAD_NOT_OBJECT: refusal(401, 'invalid_token', 'the payload is not a JSON object'),
    ERR_TOKEN_ALG_NOT_ALLOWED: refusal(
      401,
      'invalid_token',
      '`alg` is not in `algorithms`, or does not fit the key',
    ),
    ERR_TOKEN_CRIT_UNSUPPORTED: refusal(401, 'invalid_token', 'the header has `crit`'),
    ERR_TOKEN_TYP_INVALID: refusal(401, 'invalid_token', 'the header `typ` is not `requireTyp`'),
    ERR_TOKEN_KID_MISSING: refusal(401, 'invalid_token', 'no usable `kid` to choose a key by'),
    ERR_TOKEN_KID_UNKNOWN: refusal(401, 'invalid_token', 'the `kid` is not in the JWKS'),
    ERR_TOKEN_SIGNATURE_INVALID: refusal(
      401,
      'invalid_token',
      'the signature is missing or does not verify',
    ),
    ERR_TOKEN_EXPIRED: refusal(401, 'invalid_token', '`exp` is past'),
    ERR_TOKEN_NOT_YET_VALID: refusal(401, 'invalid_token', '`nbf` or `iat` is in the future'),
    ERR_TOKEN_EXP_MISSING: refusal(401, 'invalid_token', 'no `exp`'),
    ERR_TOKEN_CLAIM_INVALID: refusal(401, 'invalid_token', 'a registered claim has the wrong type'),
    ERR_TOKEN_ISSUER_INVALID: refusal(401, 'invalid_token', '`iss` is not the configured issuer'),
    ERR_TOKEN_AUDIENCE_INVALID: refusal(401, 'invalid_token', "`aud` lacks this API's client id"),
    ERR_ROLE_MISSING: refusal(
      403,
      'insufficient_scope',
      "the caller's roles do not meet the route's `@Roles` / `@RequireAllRoles`",
    ),
    ERR_CALLER_NOT_ALLOWED: refusal(
      403,
      'insufficient_scope',
      'the caller is not in `@AllowedCallers` or `allowedCallers`',
    ),
    ERR_KEYS_UNAVAILABLE: refusal(
      503,
      'none',
      'the JWKS cannot be fetched and no usable key is cached',
    ),
    ERR_MATRIX_FILE: thrown('matrix', 'the permission matrix file is invalid; nothing ran'),
    ERR_MATRIX_SETUP: thrown(
      'matrix',
      'the permission matrix cannot run here (an unset variable, roles against a real SSO)',
    ),
    ERR_MATRIX_IDENTITY: thrown('matrix', 'an identity of the permission matrix got no token'),
  });
