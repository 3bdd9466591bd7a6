import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** What an incoming `X-Request-Id` may look like to be kept: short, and safe in a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * The request's id: the caller's `X-Request-Id` when it is well formed (a proxy or the calling
 * service set it), else a new UUID, so that a made-up header cannot forge or flood log lines.
 * Sent back in `X-Request-Id` either way.
 */
export function requestId(request: IncomingMessage, response: ServerResponse): string {
  const given = request.headers['x-request-id'];
  const id = typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID();
  response.setHeader('X-Request-Id', id);
  return id;
}
