import { type IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import { OAuthError } from './oauth-error.js';

/** Token requests are a few hundred bytes; anything much larger is refused unread. */
export const MAX_FORM_BYTES = 16 * 1024;

const logger = new Logger('Upload');

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
  const tooLarge = () => {
    request.resume();
    return new OAuthError(
      413,
      'invalid_request',
      `request body is larger than ${MAX_FORM_BYTES} bytes`,
    );
  };
  // The declared length is checked first so a huge upload is refused before it is read.
  if (Number(request.headers['content-length'] ?? 0) > MAX_FORM_BYTES) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > MAX_FORM_BYTES) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (!request.readableAborted) throw error;
    // The client went away: nobody gets an answer, and there is no fault of ours to trace.
    const path = request.url?.split('?')[0];
    const declared = request.headers['content-length'] ?? 'unknown';
    logger.log(`client aborted ${request.method} ${path} after ${size} of ${declared} bytes`);
    throw OAuthError.invalidRequest('the client aborted the upload');
  }
  const body = Buffer.concat(chunks);
  const text = body.toString('utf8');
  if (Buffer.byteLength(text) !== body.length || text.includes('\uFFFD')) {
    throw OAuthError.invalidRequest('request body is not valid UTF-8');
  }
  return text;
}
