/** What the tests assert on: status, the two RFC 6750 headers, the JSON body and its raw text. */
export interface Reply {
  readonly status: number;
  readonly wwwAuthenticate: string | null;
  readonly retryAfter: string | null;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/** GET with an optional bearer token, or a raw Authorization header value. */
export async function get(
  url: string,
  auth?: { token: string } | { authorization: string },
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (auth !== undefined) {
    headers['authorization'] = 'token' in auth ? `Bearer ${auth.token}` : auth.authorization;
  }
  const response = await fetch(url, { headers });
  const text = await response.text();
  return {
    status: response.status,
    wwwAuthenticate: response.headers.get('www-authenticate'),
    retryAfter: response.headers.get('retry-after'),
    body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    text,
  };
}
