import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Why an admin action is refused (403 when admin is off, 401 when no secret is given, 403 when it
 * is wrong), or `undefined` when the secret is right. The admin API and the portal both ask here.
 */
export function adminSecretRefusal(
  expected: string | undefined,
  given: string | undefined,
): { status: 401 | 403; reason: string } | undefined {
  if (!expected)
    return {
      status: 403,
      reason: 'Admin actions are off: start the emulator with SSO_ADMIN_SECRET.',
    };
  if (!given) return { status: 401, reason: 'Enter the admin secret (SSO_ADMIN_SECRET).' };
  // Digests first so the comparison takes the same time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  if (!timingSafeEqual(digest(given), digest(expected)))
    return { status: 403, reason: 'Wrong admin secret.' };
  return undefined;
}
