import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Registry } from 'prom-client';

/**
 * Answers a scrape with the registry's exposition. With `bearerSecret`, only a request sending
 * `Authorization: Bearer <secret>` gets it (Prometheus: `authorization.credentials_file`);
 * others get 401 and never learn anything about the secret.
 */
export function metricsHandler(
  registry: Registry,
  bearerSecret: string | undefined,
): (request: IncomingMessage, response: ServerResponse) => void {
  const expected = bearerSecret === undefined ? undefined : digest(`Bearer ${bearerSecret}`);
  return (request, response) => {
    const given = request.headers.authorization;
    if (
      expected !== undefined &&
      (given === undefined || !timingSafeEqual(digest(given), expected))
    ) {
      response
        .writeHead(401, {
          'content-type': 'application/json',
          'www-authenticate': 'Bearer realm="metrics"',
        })
        .end(
          JSON.stringify({
            statusCode: 401,
            message: 'metrics need the bearer secret',
            code: 'ERR_METRICS_UNAUTHORIZED',
          }),
        );
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  };
}

// Equal-length digests, so the comparison takes the same time whatever was sent.
function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
