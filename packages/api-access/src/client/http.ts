import type { AxiosInstance } from 'axios';

/** One token request as the client sends it: a form-encoded POST. */
export interface TokenHttpRequest {
  url: string;
  /** Header names are lower case. */
  headers: Record<string, string>;
  /** `application/x-www-form-urlencoded` body. */
  body: string;
  /** Aborted when the request timeout expires. */
  signal: AbortSignal;
}

/** The SSO's answer, whatever its status. */
export interface TokenHttpResponse {
  status: number;
  /** Header names are lower case. */
  headers: Record<string, string | undefined>;
  body: string;
}

/**
 * The HTTP seam: resolves with any status, rejects only when there is no answer. Must reject with
 * an error that does not carry the request (it holds the client secret).
 */
export type TokenHttp = (request: TokenHttpRequest) => Promise<TokenHttpResponse>;

/** Sends token requests through an axios instance (for proxies, agents or interceptors). */
export function axiosTokenHttp(instance: AxiosInstance): TokenHttp {
  return async ({ url, headers, body, signal }) => {
    try {
      const response = await instance.post<unknown>(url, body, {
        headers,
        signal,
        responseType: 'text',
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        // A redirect would re-send the credentials to wherever it points.
        maxRedirects: 0,
      });
      const responseHeaders: Record<string, string | undefined> = {};
      for (const [name, value] of Object.entries(response.headers)) {
        if (typeof value === 'string') responseHeaders[name.toLowerCase()] = value;
      }
      const data = response.data;
      return {
        status: response.status,
        headers: responseHeaders,
        body: typeof data === 'string' ? data : '',
      };
    } catch (error) {
      throw withoutRequest(error);
    }
  };
}

/**
 * An AxiosError keeps the request config, whose body holds the client secret: hand on the socket
 * error underneath it instead, or a plain copy of its message and code.
 */
function withoutRequest(error: unknown): Error {
  const cause: unknown = error instanceof Error ? error.cause : undefined;
  if (cause instanceof Error) return cause;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return Object.assign(new Error(message), typeof code === 'string' ? { code } : {});
}

/** axios instances are functions too: tell them apart from a plain `TokenHttp` by their shape. */
export function isAxiosInstance(value: unknown): value is AxiosInstance {
  return typeof value === 'function' && 'interceptors' in value && 'defaults' in value;
}
