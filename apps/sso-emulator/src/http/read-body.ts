import { type IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';

const logger = new Logger('Upload');

/** A body that cannot be read: too large (413), aborted or not UTF-8 (400). */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    message: string,
  ) {
    super(message);
    this.name = 'BodyError';
  }
}

/**
 * Reads a request body as UTF-8 text, refusing anything over `maxBytes` before reading it when the
 * declared length says so. The emulator runs without Nest's body parser, so every route that
 * takes a body reads it here and maps BodyError to its own error shape.
 */
export async function readBodyText(request: IncomingMessage, maxBytes: number): Promise<string> {
  const tooLarge = () => {
    request.resume();
    return new BodyError(413, `request body is larger than ${maxBytes} bytes`);
  };
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge();
      chunks.push(chunk);
    }
  } catch (error) {
    if (!request.readableAborted) throw error;
    // The client went away: nobody gets an answer, and there is no fault of ours to trace.
    const path = request.url?.split('?')[0];
    const declared = request.headers['content-length'] ?? 'unknown';
    logger.log(`client aborted ${request.method} ${path} after ${size} of ${declared} bytes`);
    throw new BodyError(400, 'the client aborted the upload');
  }
  const body = Buffer.concat(chunks);
  const text = body.toString('utf8');
  if (Buffer.byteLength(text) !== body.length || text.includes('\uFFFD')) {
    throw new BodyError(400, 'request body is not valid UTF-8');
  }
  return text;
}
