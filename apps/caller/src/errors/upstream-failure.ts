import { isAxiosError } from 'axios';
import {
  ApiAccessError,
  TargetForbiddenError,
  TargetUnauthorizedError,
  TokenError,
  TokenHttpError,
  TokenNetworkError,
  TokenTimeoutError,
} from '@cern-sso/api-access/client';
import { describeFailure } from '@cern-sso/demo-scenario';

export interface UpstreamFailure {
  status: number;
  /** Stable, machine-readable: which dependency failed and how. */
  error: string;
  reason: string;
}

/** Which dependency failed and what the caller should answer. Messages never hold a token. */
export function toUpstreamFailure(exception: unknown): UpstreamFailure {
  if (exception instanceof TokenTimeoutError)
    return { status: 504, error: 'sso_timeout', reason: exception.message };
  if (exception instanceof TokenNetworkError)
    return { status: 503, error: 'sso_unavailable', reason: exception.message };
  if (exception instanceof TokenHttpError && exception.status >= 500) {
    return { status: 503, error: 'sso_unavailable', reason: exception.message };
  }
  if (exception instanceof TokenError)
    return { status: 502, error: 'sso_refused', reason: exception.message };
  if (exception instanceof TargetForbiddenError) {
    return { status: 403, error: 'target_forbidden', reason: exception.message };
  }
  if (exception instanceof TargetUnauthorizedError) {
    return { status: 502, error: 'target_rejected_token', reason: exception.message };
  }
  if (exception instanceof ApiAccessError)
    return { status: 502, error: 'upstream_error', reason: exception.message };
  if (isAxiosError(exception)) {
    // The caller calls more than one API (target-api, the Authorization Service API): name it.
    const where = `${(exception.config?.method ?? 'GET').toUpperCase()} ${exception.config?.baseURL ?? ''}${exception.config?.url ?? ''}`;
    if (exception.response) {
      const { status, reason } = describeFailure(exception);
      return status >= 500
        ? { status: 502, error: 'target_error', reason: `${where} answered ${status}: ${reason}` }
        : { status, error: 'target_refused', reason };
    }
    if (exception.code === 'ECONNABORTED' || exception.code === 'ETIMEDOUT') {
      return { status: 504, error: 'target_timeout', reason: `${where} did not answer in time` };
    }
    return {
      status: 502,
      error: 'target_unreachable',
      reason: `${where} unreachable: ${exception.code ?? exception.message}`,
    };
  }
  return { status: 500, error: 'internal_error', reason: 'unexpected error' };
}
