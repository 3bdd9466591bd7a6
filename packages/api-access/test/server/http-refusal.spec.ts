import * as errors from '../../src/errors/index.js';
import { toHttpRefusal, type RefusalError } from '../../src/server/index.js';

const challenge = (error: string) =>
  `Bearer realm="api", error="${error}", error_description="why ?this??"`;

/** A refusal of class `code` whose message has what a header cannot carry: quotes, a newline. */
function refusalOf(code: string): RefusalError {
  const errorClass = Object.values(errors).find(
    (value) => (value as { code?: unknown }).code === code,
  ) as new (message: string, ...rest: unknown[]) => RefusalError;
  const rest = { ERR_KEYS_UNAVAILABLE: [7], ERR_ROLE_MISSING: [['reader', 'wri"ter']] }[code];
  return new errorClass('why "this"\n', ...(rest ?? []));
}

// The responses as they were before the catalogue existed, written out: the catalogue must
// reproduce them byte for byte.
it.each([
  ['ERR_TOKEN_MISSING', 401, { 'WWW-Authenticate': 'Bearer realm="api"' }, 'unauthorized'],
  [
    'ERR_AUTHORIZATION_HEADER_MALFORMED',
    400,
    { 'WWW-Authenticate': challenge('invalid_request') },
    'invalid_request',
  ],
  ...[
    'ERR_TOKEN_MALFORMED',
    'ERR_TOKEN_PAYLOAD_NOT_OBJECT',
    'ERR_TOKEN_ALG_NOT_ALLOWED',
    'ERR_TOKEN_CRIT_UNSUPPORTED',
    'ERR_TOKEN_TYP_INVALID',
    'ERR_TOKEN_KID_MISSING',
    'ERR_TOKEN_KID_UNKNOWN',
    'ERR_TOKEN_SIGNATURE_INVALID',
    'ERR_TOKEN_EXPIRED',
    'ERR_TOKEN_NOT_YET_VALID',
    'ERR_TOKEN_EXP_MISSING',
    'ERR_TOKEN_CLAIM_INVALID',
    'ERR_TOKEN_ISSUER_INVALID',
    'ERR_TOKEN_AUDIENCE_INVALID',
  ].map(
    (code) =>
      [code, 401, { 'WWW-Authenticate': challenge('invalid_token') }, 'invalid_token'] as const,
  ),
  [
    'ERR_ROLE_MISSING',
    403,
    { 'WWW-Authenticate': `${challenge('insufficient_scope')}, scope="reader wri?ter"` },
    'insufficient_scope',
  ],
  [
    'ERR_CALLER_NOT_ALLOWED',
    403,
    { 'WWW-Authenticate': challenge('insufficient_scope') },
    'insufficient_scope',
  ],
  ['ERR_KEYS_UNAVAILABLE', 503, { 'Retry-After': '7' }, 'temporarily_unavailable'],
] as const)('%s is answered %i', (code, status, headers, error) => {
  const description =
    status === 503 ? 'token signing keys are temporarily unavailable' : 'why ?this??';
  expect(toHttpRefusal(refusalOf(code), 'api')).toEqual({
    status,
    headers,
    body: { statusCode: status, error, error_description: description, code },
  });
});

it('keeps each refusal kind as the catalogue says', () => {
  expect(
    Object.fromEntries(
      ['ERR_TOKEN_MISSING', 'ERR_TOKEN_EXPIRED', 'ERR_ROLE_MISSING', 'ERR_KEYS_UNAVAILABLE'].map(
        (code) => [code, refusalOf(code).kind],
      ),
    ),
  ).toEqual({
    ERR_TOKEN_MISSING: 'missing_token',
    ERR_TOKEN_EXPIRED: 'invalid_token',
    ERR_ROLE_MISSING: 'insufficient_scope',
    ERR_KEYS_UNAVAILABLE: 'keys_unavailable',
  });
});
