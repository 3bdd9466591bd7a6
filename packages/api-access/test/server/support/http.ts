import { get as httpGet } from 'node:http';

/** What the tests assert on: status, the two RFC 6750 headers, the JSON body and its raw text. */
export interface Reply {
  readonly status: number;
  readonly wwwAuthenticate: string | null;
  readonly retryAfter: string | null;
  readonly body: Record<string, unknown>;
  readonly text: string;
}

/**
 * GET with an optional bearer token, or a raw Authorization header value, on a connection of its
 * own: a kept-alive socket that the server closes after its idle timeout while the next request is
 * being written fails with ECONNRESET, a race a busy machine loses (fetch keeps sockets alive).
 */
export function get(
  url: string,
  auth?: { token: string } | { authorization: string },
): Promise<Reply> {
  const headers: Record<string, string> = {};
  if (auth !== undefined) {
    headers['authorization'] = 'token' in auth ? `Bearer ${auth.token}` : auth.authorization;
  }
  return new Promise((resolve, reject) => {
    const request = httpGet(url, { headers, agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode!,
          wwwAuthenticate: header(response.headers['www-authenticate']),
          retryAfter: header(response.headers['retry-after']),
          body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
          text,
        }),
      );
    });
    request.on('error', reject);
  });
}

function header(value: string | string[] | undefined): string | null {
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
