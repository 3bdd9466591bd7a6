import { RefusalError } from './errors.js';

/** The token itself was refused (RFC 6750 `invalid_token`); the subclass says which check failed. */
export abstract class InvalidTokenError extends RefusalError {}

/** Not three base64url parts, or a header or payload that is not JSON. */
export class TokenMalformedError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_MALFORMED';
  readonly code = TokenMalformedError.code;
}

/** The payload is JSON but not an object (an array, string, number, `null`...). */
export class TokenPayloadNotObjectError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_PAYLOAD_NOT_OBJECT';
  readonly code = TokenPayloadNotObjectError.code;
}

/** `alg` is not on the allow-list (covers `none` in any casing and HMAC). */
export class TokenAlgorithmError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_ALG_NOT_ALLOWED';
  readonly code = TokenAlgorithmError.code;
}

/** The header has `crit`: no extension is understood, so RFC 7515 says refuse. */
export class TokenCritError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_CRIT_UNSUPPORTED';
  readonly code = TokenCritError.code;
}

/** The header `typ` differs from `requireTyp`. */
export class TokenTypError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_TYP_INVALID';
  readonly code = TokenTypError.code;
}

/** No `kid` in the header: keys are only ever chosen by `kid` from the configured JWKS. */
export class TokenKidMissingError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_KID_MISSING';
  readonly code = TokenKidMissingError.code;
}

/** The `kid` is not in the (reachable) JWKS. */
export class TokenKidUnknownError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_KID_UNKNOWN';
  readonly code = TokenKidUnknownError.code;
}

/** The signature is missing or does not verify with the key for its `kid`. */
export class TokenSignatureError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_SIGNATURE_INVALID';
  readonly code = TokenSignatureError.code;
}

/** `exp` is past, beyond the clock tolerance. */
export class TokenExpiredError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_EXPIRED';
  readonly code = TokenExpiredError.code;
}

/** `nbf` or `iat` is in the future, beyond the clock tolerance. */
export class TokenNotYetValidError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_NOT_YET_VALID';
  readonly code = TokenNotYetValidError.code;
}

/** No `exp`: a token that never expires is refused. */
export class TokenExpMissingError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_EXP_MISSING';
  readonly code = TokenExpMissingError.code;
}

/** A registered claim of the wrong type (`exp` that is not a number, `azp` that is not a string...). */
export class TokenClaimInvalidError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_CLAIM_INVALID';
  readonly code = TokenClaimInvalidError.code;
}

/** `iss` is missing or is not exactly the configured issuer. */
export class TokenIssuerError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_ISSUER_INVALID';
  readonly code = TokenIssuerError.code;
}

/** `aud` is missing or does not contain this API's client id. */
export class TokenAudienceError extends InvalidTokenError {
  static readonly code = 'ERR_TOKEN_AUDIENCE_INVALID';
  readonly code = TokenAudienceError.code;
}
