import type {
  TargetForbiddenError,
  TargetUnauthorizedError,
} from '../client/errors/target-errors.js';
import type {
  TokenHttpError,
  TokenInvalidResponseError,
  TokenNetworkError,
  TokenOAuthError,
  TokenTimeoutError,
} from '../client/errors/token-errors.js';
import type { TokenWrongAudienceError } from '../client/errors/token-wrong-audience-error.js';
import type {
  AuthorizationHeaderError,
  CallerNotAllowedError,
  KeysUnavailableError,
  RoleMissingError,
  TokenMissingError,
} from '../server/errors.js';
import type {
  TokenAlgorithmError,
  TokenAudienceError,
  TokenClaimInvalidError,
  TokenCritError,
  TokenExpMissingError,
  TokenExpiredError,
  TokenIssuerError,
  TokenKidMissingError,
  TokenKidUnknownError,
  TokenMalformedError,
  TokenNotYetValidError,
  TokenPayloadNotObjectError,
  TokenSignatureError,
  TokenTypError,
} from '../server/token-errors.js';
import type {
  MatrixFileError,
  MatrixIdentityError,
  MatrixSetupError,
} from '../matrix/matrix-errors.js';
import type { InvalidOptionError } from './api-access-error.js';

/** Every error the token client throws at runtime; `code` tells them apart. */
export type AnyTokenClientError =
  | TokenOAuthError
  | TokenHttpError
  | TokenNetworkError
  | TokenTimeoutError
  | TokenInvalidResponseError
  | TokenWrongAudienceError
  | TargetUnauthorizedError
  | TargetForbiddenError;

/** Every refusal of the guard (and of `AccessTokenVerifier`); `code` tells them apart. */
export type AnyRefusalError =
  | TokenMissingError
  | AuthorizationHeaderError
  | TokenMalformedError
  | TokenPayloadNotObjectError
  | TokenAlgorithmError
  | TokenCritError
  | TokenTypError
  | TokenKidMissingError
  | TokenKidUnknownError
  | TokenSignatureError
  | TokenExpiredError
  | TokenNotYetValidError
  | TokenExpMissingError
  | TokenClaimInvalidError
  | TokenIssuerError
  | TokenAudienceError
  | RoleMissingError
  | CallerNotAllowedError
  | KeysUnavailableError;

/** Every error of the permission-matrix kit (`./matrix`, `api-access matrix`). */
export type AnyMatrixError = MatrixFileError | MatrixSetupError | MatrixIdentityError;

/**
 * Every error this package throws, as a union discriminated by `code` (like jose's errors):
 * `switch (error.code)` narrows to the class and its fields.
 *
 * @example
 * if (error instanceof ApiAccessError) {
 *   const known = error as AnyApiAccessError;
 *   if (known.code === 'ERR_ROLE_MISSING') console.log(known.requiredRoles);
 * }
 */
export type AnyApiAccessError =
  InvalidOptionError | AnyTokenClientError | AnyRefusalError | AnyMatrixError;

/** Every stable `code` of this package, e.g. `ERR_TOKEN_EXPIRED`. */
export type ApiAccessErrorCode = AnyApiAccessError['code'];

/** The codes the guard answers over HTTP. */
export type RefusalCode = AnyRefusalError['code'];
