import { RefusalError } from './errors.js';

/** The token itself was refused (RFC 6750 `invalid_token`); the subclass says which check failed. */
export abstract class InvalidTokenError extends RefusalError {
  readonly kind = 'invalid_token';
}

/** Not three base64url parts, or a header or payload that is not JSON. */
export class TokenMalformedError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_MALFORMED';
}

/** The payload is JSON but not an object (an array, string, number, `null`...). */
export class TokenPayloadNotObjectError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_PAYLOAD_NOT_OBJECT';
}

/** `alg` is not on the allow-list (covers `none` in any casing and HMAC). */
export class TokenAlgorithmError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_ALG_NOT_ALLOWED';
}

/** The header has `crit`: no extension is understood, so RFC 7515 says refuse. */
export class TokenCritError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_CRIT_UNSUPPORTED';
}

/** The header `typ` differs from `requireTyp`. */
export class TokenTypError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_TYP_INVALID';
}

/** No `kid` in the header: keys are only ever chosen by `kid` from the configured JWKS. */
export class TokenKidMissingError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_KID_MISSING';
}

/** The `kid` is not in the (reachable) JWKS. */
export class TokenKidUnknownError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_KID_UNKNOWN';
}

/** The signature is missing or does not verify with the key for its `kid`. */
export class TokenSignatureError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_SIGNATURE_INVALID';
}

/** `exp` is past, beyond the clock tolerance. */
export class TokenExpiredError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_EXPIRED';
}

/** `nbf` or `iat` is in the future, beyond the clock tolerance. */
export class TokenNotYetValidError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_NOT_YET_VALID';
}

/** No `exp`: a token that never expires is refused. */
export class TokenExpMissingError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_EXP_MISSING';
}

/** A registered claim of the wrong type (`exp` that is not a number, `azp` that is not a string...). */
export class TokenClaimInvalidError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_CLAIM_INVALID';
}

/** `iss` is missing or is not exactly the configured issuer. */
export class TokenIssuerError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_ISSUER_INVALID';
}

/** `aud` is missing or does not contain this API's client id. */
export class TokenAudienceError extends InvalidTokenError {
  readonly code = 'ERR_TOKEN_AUDIENCE_INVALID';
}
