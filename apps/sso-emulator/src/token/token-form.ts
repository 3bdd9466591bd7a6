import { type IncomingMessage } from 'node:http';
import { BodyError, readBodyText } from '../http/read-body.js';
import { OAuthError } from './oauth-error.js';

/** Token requests are a few hundred bytes; anything much larger is refused unread. */
export const MAX_FORM_BYTES = 16 * 1024;

/**
 * Reads an `application/x-www-form-urlencoded` body into single values. RFC 6749 3.2 forbids
 * repeating a parameter, so a repeated one is refused rather than silently picking one.
 */
export async function readTokenForm(request: IncomingMessage): Promise<Map<string, string>> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    request.resume();
    throw OAuthError.invalidRequest(
      `Content-Type must be application/x-www-form-urlencoded, got ${JSON.stringify(type || 'none')}`,
    );
  }
  const body = await readBody(request);
  const params = new URLSearchParams(body);
  const form = new Map<string, string>();
  for (const [name, value] of params) {
    if (form.has(name)) throw OAuthError.invalidRequest(`parameter "${name}" is repeated`);
    form.set(name, value);
  }
  return form;
}

async function readBody(request: IncomingMessage): Promise<string> {
  try {
    return await readBodyText(request, MAX_FORM_BYTES);
  } catch (error) {
    if (error instanceof BodyError)
      throw new OAuthError(error.status, 'invalid_request', error.message);
    throw error;
  }
}
