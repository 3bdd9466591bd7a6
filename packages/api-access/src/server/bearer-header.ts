import { AuthorizationHeaderError, TokenMissingError } from './errors.js';

// RFC 6750 §2.1: `Bearer 1*SP b64token`; the scheme is case-insensitive.
const BEARER = /^bearer(?: +|$)/i;
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

/**
 * The bearer token from an `Authorization` header value. Throws TokenMissingError when there are
 * no bearer credentials (absent, empty, or another scheme such as Basic) and
 * AuthorizationHeaderError when `Bearer` is followed by anything but a single b64token.
 */
export function readBearerToken(header: string | readonly string[] | undefined): string {
  if (header === undefined || header === '') throw new TokenMissingError('no bearer token');
  if (typeof header !== 'string') {
    throw new AuthorizationHeaderError('more than one Authorization header');
  }
  const scheme = BEARER.exec(header);
  if (scheme === null) throw new TokenMissingError('no bearer token (other authorization scheme)');
  const token = header.slice(scheme[0].length);
  if (!B64TOKEN.test(token)) {
    throw new AuthorizationHeaderError('Authorization must be Bearer followed by one token');
  }
  return token;
}
