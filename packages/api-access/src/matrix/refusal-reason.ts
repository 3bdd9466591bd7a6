/** Why the target refused a call, as its guard says it (docs/guard.md): body and WWW-Authenticate. */
export interface RefusalReason {
  /** The guard's stable code, e.g. `ERR_ROLE_MISSING`. */
  readonly code?: string;
  /** The OAuth error, e.g. `insufficient_scope`. */
  readonly error?: string;
  readonly description?: string;
  /** The roles the route requires (the challenge's `scope`), on a 403. */
  readonly requiredRoles?: readonly string[];
}

/** Reads the reason of a 4xx/5xx answer; `undefined` when it carries none the guard's way. */
export function refusalReason(headers: Headers, bodyText: string): RefusalReason | undefined {
  const body = parseObject(bodyText);
  const challenge = parseChallenge(headers.get('www-authenticate') ?? '');
  const code = text(body.code);
  const error = challenge.error ?? text(body.error);
  const description = text(body.error_description) ?? challenge.error_description;
  const reason: RefusalReason = {
    ...(code !== undefined && { code }),
    ...(error !== undefined && { error }),
    ...(description !== undefined && { description }),
    ...(challenge.scope !== undefined && {
      requiredRoles: challenge.scope.split(' ').filter(Boolean),
    }),
  };
  return Object.keys(reason).length > 0 ? reason : undefined;
}

/** One line: `ERR_ROLE_MISSING insufficient_scope, requires: reader admin: <description>`. */
export function formatReason(reason: RefusalReason | undefined): string {
  if (reason === undefined) return '';
  const head = [reason.code, reason.error].filter(Boolean).join(' ');
  const roles = reason.requiredRoles?.length ? `requires: ${reason.requiredRoles.join(' ')}` : '';
  return [head, roles, reason.description].filter(Boolean).join(', ');
}

function parseObject(bodyText: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(bodyText);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

// RFC 6750 3: `Bearer realm="x", error="...", error_description="...", scope="a b"`.
function parseChallenge(header: string): Record<string, string | undefined> {
  const fields: Record<string, string> = {};
  for (const [, name, value] of header.matchAll(/([a-z_]+)="([^"]*)"/gi)) {
    fields[name!.toLowerCase()] = value!;
  }
  return fields;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
