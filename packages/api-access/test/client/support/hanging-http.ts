import type { TokenHttp, TokenHttpRequest } from '../../../src/client/index.js';
import { fakeJwt } from './fake-jwt.js';

/**
 * An HTTP seam whose first `hangs` requests never get an answer (they end only when the client
 * aborts them at its timeout); later ones get a valid token at once. Timeouts are tested without
 * a race: nothing depends on a request reaching a server before the timer fires.
 */
export function hangingHttp(hangs: number): TokenHttp & { requests: TokenHttpRequest[] } {
  const requests: TokenHttpRequest[] = [];
  const http = (request: TokenHttpRequest) => {
    requests.push(request);
    if (requests.length > hangs) {
      const body = { access_token: fakeJwt('answered'), expires_in: 1200, token_type: 'Bearer' };
      return Promise.resolve({ status: 200, headers: {}, body: JSON.stringify(body) });
    }
    return new Promise<never>((_, reject) =>
      request.signal.addEventListener('abort', () => reject(new Error('aborted'))),
    );
  };
  return Object.assign(http, { requests });
}
