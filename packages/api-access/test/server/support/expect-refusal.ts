import type { Reply } from './http.js';

export interface ExpectedRefusal {
  readonly status: number;
  /** RFC 6750 error; absent for "no token" (and the 503, which has no challenge). */
  readonly error?: string;
  readonly description: string;
  readonly code: string;
  /** Exact `scope` for insufficient_scope. */
  readonly scope?: string;
}

/**
 * Asserts the whole refusal: status, the exact `WWW-Authenticate` challenge, the JSON body
 * carrying the same reason and code, and that neither echoes the token.
 */
export function expectRefusal(
  reply: Reply,
  expected: ExpectedRefusal,
  token?: string,
  realm = 'target-api',
): void {
  const { status, error, description, code, scope } = expected;
  expect({ status: reply.status, code: reply.body['code'] }).toEqual({ status, code });
  if (status === 503) {
    expect(reply.wwwAuthenticate).toBeNull();
  } else if (error === undefined) {
    expect(reply.wwwAuthenticate).toBe(`Bearer realm="${realm}"`);
  } else {
    const scopePart = scope === undefined ? '' : `, scope="${scope}"`;
    expect(reply.wwwAuthenticate).toBe(
      `Bearer realm="${realm}", error="${error}", error_description="${description}"${scopePart}`,
    );
  }
  expect(reply.body).toEqual({
    statusCode: status,
    error: error ?? (status === 503 ? 'temporarily_unavailable' : 'unauthorized'),
    error_description: description,
    code,
  });
  if (token !== undefined) {
    const signature = token.slice(token.lastIndexOf('.') + 1);
    expect(reply.text).not.toContain(token);
    if (signature.length >= 16) expect(reply.text).not.toContain(signature);
  }
}
