import type { TokenHttp } from '../../../src/client/index.js';

/** The token the seam answers with once it stops hanging. */
export const ANSWERED_TOKEN = 'token-after-the-timeouts';

/**
 * The HTTP seam for timeout tests: the first `times` requests get no answer and end only when the
 * client's timeout aborts them; later ones get a valid token at once (a resolved promise, which
 * no timer can overtake). A hanging fake server would race the timer instead: on a busy machine
 * a short timeout can fire before the request even arrives.
 */
export function unanswered(times = Infinity): { http: TokenHttp; attempts: () => number } {
  let attempts = 0;
  const http: TokenHttp = (request) => {
    attempts += 1;
    if (attempts > times) {
      const body = { access_token: ANSWERED_TOKEN, expires_in: 1200, token_type: 'Bearer' };
      return Promise.resolve({ status: 200, headers: {}, body: JSON.stringify(body) });
    }
    return new Promise((_resolve, reject) =>
      request.signal.addEventListener('abort', () => reject(new Error('aborted')), {
        once: true,
      }),
    );
  };
  return { http, attempts: () => attempts };
}
