import { AuthorizationHeaderError, TokenMissingError } from './errors.js';

// RFC 6750 §2.1: `Bearer 1*SP b64token`; the scheme is case-insensitive.
const BEARER = /^bearer(?: +|$)/i;
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

// The last header read and its token. A request's header is read by the guard, the strategy,
// passport-jwt's `jwtFromRequest` and `validate`: the same string each time, so the later reads
// are one comparison, and each returns the same token string, whose hash the token cache then
// computes only once. A caller that repeats its token gets that same string back as well.
let lastHeader: string | null = null;
let lastToken = '';

/**
 * The bearer token from an `Authorization` header value. Throws TokenMissingError when there are
 * no bearer credentials (absent, empty, or another scheme such as Basic) and
 * AuthorizationHeaderError when `Bearer` is followed by anything but a single b64token.
 */
export function readBearerToken(header: string | readonly string[] | undefined): string {
  if (header === lastHeader) return lastToken;
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
  lastHeader = header;
  lastToken = token;
  return token;
}
