import { isAxiosError } from 'axios';
import { ApiAccessError, TargetError, targetRefusal } from '@cern-sso/api-access/client';

/** Status and reason of a failed call to the target, whichever layer failed. Never a token. */
export function describeFailure(error: unknown): { status: number; reason: string } {
  if (error instanceof TargetError) {
    return { status: error.status, reason: error.description ?? error.oauthError ?? 'refused' };
  }
  if (error instanceof ApiAccessError) {
    return { status: 0, reason: `${error.code}: ${error.message}` };
  }
  if (isAxiosError(error) && error.response) {
    // A call made without the token client (no token at all): read the refusal the same way.
    const { status, description, oauthError } = targetRefusal(error);
    return { status, reason: description ?? oauthError ?? error.response.statusText };
  }
  return { status: 0, reason: error instanceof Error ? error.message : String(error) };
}
