// Public surface of `@cern-sso/api-access/client`: the framework-free token client.
export { TokenClient } from './token-client.js';
export type {
  ClientAuthentication,
  Clock,
  RefreshPolicy,
  RetryPolicy,
  TargetParameter,
  TokenClientOptions,
} from './options.js';
export {
  DEFAULT_REFRESH,
  DEFAULT_RETRY,
  DEFAULT_TARGET_PARAMETERS,
  DEFAULT_TIMEOUT_MS,
} from './options.js';
export {
  combineTokenClientObservers,
  type TokenClientObserver,
  type TokenRequestEvent,
} from './observer.js';
export { axiosTokenHttp } from './http.js';
export type { TokenHttp, TokenHttpRequest, TokenHttpResponse } from './http.js';
export { withApiAccess } from './axios/with-api-access.js';
export { targetRefusal } from './axios/target-refusal.js';
export type { ApiAccessAxiosOptions } from './axios/with-api-access.js';
// What ApiAccessTargets.get returns, so an app types it without depending on axios itself.
export type { AxiosInstance } from 'axios';
export { ApiAccessError, InvalidOptionError } from '../errors/api-access-error.js';
export {
  TokenError,
  TokenHttpError,
  TokenInvalidResponseError,
  TokenNetworkError,
  TokenOAuthError,
  TokenTimeoutError,
} from './errors/token-errors.js';
export type { TokenRequestTarget } from './errors/token-errors.js';
export { TokenWrongAudienceError } from './errors/token-wrong-audience-error.js';
export type { TokenAudienceProblem } from './errors/token-wrong-audience-error.js';
export {
  TargetError,
  TargetForbiddenError,
  TargetUnauthorizedError,
} from './errors/target-errors.js';
export type { TargetRefusal } from './errors/target-errors.js';
