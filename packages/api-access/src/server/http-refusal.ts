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

// The one place refusals become RFC 6750 responses. The body repeats the header's reason and
// the error code; it never carries the token, and a 503 hides the JWKS URL and cause (logged).
export function toHttpRefusal(error: RefusalError, realm: string): HttpRefusal {
  const description = headerSafe(error.message);
  const challenge = (oauthError: string, extra = '') =>
    `Bearer realm="${realm}", error="${oauthError}", error_description="${description}"${extra}`;
  const refusal = (
    status: HttpRefusal['status'],
    errorName: string,
    headers: Record<string, string>,
    text = description,
  ): HttpRefusal => ({
    status,
    headers,
    body: { statusCode: status, error: errorName, error_description: text, code: error.code },
  });

  switch (error.kind) {
    case 'missing_token':
      return refusal(401, 'unauthorized', { 'WWW-Authenticate': `Bearer realm="${realm}"` });
    case 'invalid_request':
      return refusal(400, 'invalid_request', { 'WWW-Authenticate': challenge('invalid_request') });
    case 'invalid_token':
      return refusal(401, 'invalid_token', { 'WWW-Authenticate': challenge('invalid_token') });
    case 'insufficient_scope': {
      const roles = error instanceof RoleMissingError ? error.requiredRoles : [];
      const scope = roles.length > 0 ? `, scope="${headerSafe(roles.join(' '))}"` : '';
      return refusal(403, 'insufficient_scope', {
        'WWW-Authenticate': challenge('insufficient_scope', scope),
      });
    }
    case 'keys_unavailable': {
      const retryAfter = error instanceof KeysUnavailableError ? error.retryAfterSec : 10;
      return refusal(
        503,
        'temporarily_unavailable',
        { 'Retry-After': String(retryAfter) },
        'token signing keys are temporarily unavailable',
      );
    }
  }
}

// RFC 6750 §3: error_description and scope allow %x20-21 / %x23-5B / %x5D-7E only.
function headerSafe(text: string): string {
  return text.replace(/[^\x20\x21\x23-\x5b\x5d-\x7e]/g, '?');
}
