import express, { type RequestHandler } from 'express';
import { BodyRefusedError } from './body-refused-error.js';
import { jsonDepth } from './json-depth.js';

export interface JsonBodyLimits {
  /** Largest body accepted, in bytes; default 65536 (64 KiB). */
  maxBytes?: number;
  /** Deepest nesting of objects and arrays accepted; default 32. */
  maxDepth?: number;
}

export const DEFAULT_JSON_LIMITS = { maxBytes: 64 * 1024, maxDepth: 32 } as const;

/**
 * The only body parser a service needs: JSON (`application/json`, UTF-8) and nothing else, no
 * larger than `maxBytes` and no deeper than `maxDepth`. A body of any other type is refused with
 * 415, a larger one with 413 before it is read, a deeper one with 400; each message names the
 * limit. A request without a body and without a Content-Type passes untouched.
 * Built on express.json (body-parser), through its documented `verify` hook.
 */
export function jsonBody(limits: JsonBodyLimits = {}): RequestHandler {
  const { maxBytes, maxDepth } = resolveLimits(limits);
  const parse = express.json({
    limit: maxBytes,
    type: () => true, // the type was checked below, before anything is read
    verify: (_request, _response, body, encoding) => {
      if (encoding !== 'utf-8') {
        throw new BodyRefusedError('ERR_BODY_NOT_JSON', `JSON must be UTF-8, got ${encoding}`);
      }
      if (jsonDepth(body, maxDepth + 1) > maxDepth) {
        throw new BodyRefusedError(
          'ERR_JSON_TOO_DEEP',
          `JSON nests deeper than ${maxDepth} levels, the limit for a request body`,
        );
      }
    },
  });
  return (request, response, next) => {
    const type = request.headers['content-type'];
    if (type === undefined && !hasBody(request.headers)) return next();
    if (type?.split(';')[0]!.trim().toLowerCase() !== 'application/json') {
      request.resume();
      const got = type === undefined ? 'none' : JSON.stringify(type);
      return next(
        new BodyRefusedError(
          'ERR_BODY_NOT_JSON',
          `Content-Type must be application/json, got ${got}`,
        ),
      );
    }
    parse(request, response, (error?: unknown) =>
      next(
        (error as { type?: string } | undefined)?.type === 'entity.too.large'
          ? new BodyRefusedError(
              'ERR_BODY_TOO_LARGE',
              `request body is larger than ${maxBytes} bytes, the limit`,
            )
          : error,
      ),
    );
  };
}

function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  const length = headers['content-length'];
  return headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

function resolveLimits(limits: JsonBodyLimits): Required<JsonBodyLimits> {
  const resolved = { ...DEFAULT_JSON_LIMITS, ...limits };
  const problems = Object.entries(resolved)
    .filter(([, value]) => !Number.isSafeInteger(value) || value < 1)
    .map(([name, value]) => `${name}: expected an integer >= 1, got ${String(value)}`);
  if (problems.length > 0) throw new TypeError(`jsonBody: ${problems.join('; ')}`);
  return resolved;
}
