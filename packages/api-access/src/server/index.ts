// Framework-free token validation for APIs that accept CERN SSO API Access tokens.
export { AccessTokenVerifier } from './access-token-verifier.js';
export {
  ApiAccessStrategy,
  type ApiAccessAuthenticateOptions,
  type StrategyVerifier,
} from './api-access-strategy.js';
export { authorize, type AccessRequirements } from './authorize.js';
export { readBearerToken } from './bearer-header.js';
export { ApiAccessError, InvalidOptionError } from '../errors/api-access-error.js';
export {
  AuthorizationHeaderError,
  CallerNotAllowedError,
  KeysUnavailableError,
  RefusalError,
  RoleMissingError,
  TokenMissingError,
  type RefusalKind,
} from './errors.js';
export { toHttpRefusal, type HttpRefusal } from './http-refusal.js';
export type { JsonObject } from './decode-token.js';
export type { PublishedKey, SigningKeySource } from './jwks-source.js';
export type { KeySetState } from './key-set.js';
export {
  combineObservers,
  outcomeOf,
  type AccessDecision,
  type AccessOutcome,
  type ApiAccessObserver,
  type DecisionRoute,
} from './observer.js';
export type { ApiAccessLogger, ApiAccessOptions, Clock, Scheduler } from './options.js';
export type { ApiAccessPrincipal } from './principal.js';
export { resolveApiAccessOptions, type ResolvedApiAccessOptions } from './resolve-options.js';
export { hasAllRoles, hasAnyRole } from './role-match.js';
export { readRoles } from './roles-claim.js';
export { asRefusal } from './signature-check.js';
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
} from './token-errors.js';
