import { isAxiosError } from 'axios';
import { ApiAccessError, TargetError } from '@cern-sso/api-access/client';

/** Status and reason of a failed call to the target, whichever layer failed. Never a token. */
export function describeFailure(error: unknown): { status: number; reason: string } {
  if (error instanceof TargetError) {
    return { status: error.status, reason: error.description ?? error.oauthError ?? 'refused' };
  }
  if (error instanceof ApiAccessError)
    return { status: 0, reason: `${error.code}: ${error.message}` };
  if (isAxiosError(error) && error.response) {
    const challenge = String(error.response.headers['www-authenticate'] ?? '');
    const description = /error_description="([^"]*)"/.exec(challenge)?.[1];
    const body = error.response.data as
      { message?: unknown; error_description?: unknown } | undefined;
    const message = description ?? body?.error_description ?? body?.message;
    return {
      status: error.response.status,
      reason: Array.isArray(message)
        ? message.join('; ')
        : String(message ?? error.response.statusText),
    };
  }
  return { status: 0, reason: error instanceof Error ? error.message : String(error) };
}
