// Public surface of `@cern-sso/api-access/errors`: every error class of the package, the union
// of their codes and of the errors themselves, and the catalogue of codes. Loads no HTTP client
// and no framework: safe to import from anywhere.
export { ApiAccessError, InvalidOptionError } from './api-access-error.js';
export type {
  AnyApiAccessError,
  AnyMatrixError,
  AnyRefusalError,
  AnyTokenClientError,
  ApiAccessErrorCode,
  RefusalCode,
} from './any-error.js';
export { ERROR_CATALOGUE } from './catalogue.js';
export type { CatalogueEntry, RefusalEntry, ThrownEntry } from './catalogue.js';
export {
  TokenError,
  TokenHttpError,
  TokenInvalidResponseError,
  TokenNetworkError,
  TokenOAuthError,
  TokenTimeoutError,
} from '../client/errors/token-errors.js';
export type { TokenRequestTarget } from '../client/errors/token-errors.js';
export { TokenWrongAudienceError } from '../client/errors/token-wrong-audience-error.js';
export type { TokenAudienceProblem } from '../client/errors/token-wrong-audience-error.js';
export {
  TargetError,
  TargetForbiddenError,
  TargetUnauthorizedError,
} from '../client/errors/target-errors.js';
export type { TargetRefusal } from '../client/errors/target-errors.js';
export {
  AuthorizationHeaderError,
  CallerNotAllowedError,
  KeysUnavailableError,
  RefusalError,
  RoleMissingError,
  TokenMissingError,
} from '../server/errors.js';
export type { RefusalKind } from '../server/errors.js';
export {
  InvalidTokenError,
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
export { MatrixFileError, MatrixIdentityError, MatrixSetupError } from '../matrix/matrix-errors.js';
export type { MatrixFileProblem } from '../matrix/matrix-errors.js';
