import { ERROR_CATALOGUE } from '../errors/catalogue.js';
import { KeysUnavailableError, RefusalError, RoleMissingError } from './errors.js';

/** A refusal as HTTP: what any framework adapter sends. */
export interface HttpRefusal {
  readonly status: 400 | 401 | 403 | 503;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: {
    readonly statusCode: number;
    readonly error: string;
    readonly error_description: string;
    readonly code: string;
  };
}

// The one place refusals become RFC 6750 responses, with the status and challenge that
// ERROR_CATALOGUE gives each code. The body repeats the header's reason and the error code; it
// never carries the token, and a 503 hides the JWKS URL and cause (logged).
export function toHttpRefusal(error: RefusalError, realm: string): HttpRefusal {
  const { status, rfc6750 } = ERROR_CATALOGUE[error.code];
  const description = headerSafe(error.message);
  const refusal = (
    headers: Record<string, string>,
    errorName: string,
    text = description,
  ): HttpRefusal => ({
    status,
    headers,
    body: { statusCode: status, error: errorName, error_description: text, code: error.code },
  });

  if (status === 503) {
    // Not the caller's fault, so no challenge: callers come back with the same token.
    const retryAfter = error instanceof KeysUnavailableError ? error.retryAfterSec : 10;
    return refusal(
      { 'Retry-After': String(retryAfter) },
      'temporarily_unavailable',
      'token signing keys are temporarily unavailable',
    );
  }
  if (rfc6750 === 'none') {
    // RFC 6750 section 3.1: a request without credentials gets a challenge without an error code.
    return refusal({ 'WWW-Authenticate': `Bearer realm="${realm}"` }, 'unauthorized');
  }
  const roles = error instanceof RoleMissingError ? error.requiredRoles : [];
  const scope = roles.length > 0 ? `, scope="${headerSafe(roles.join(' '))}"` : '';
  const challenge = `Bearer realm="${realm}", error="${rfc6750}", error_description="${description}"${scope}`;
  return refusal({ 'WWW-Authenticate': challenge }, rfc6750);
}

// RFC 6750 §3: error_description and scope allow %x20-21 / %x23-5B / %x5D-7E only.
function headerSafe(text: string): string {
  return text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');
}
