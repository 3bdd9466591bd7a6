import { type IncomingHttpHeaders } from 'node:http';
import { type RequestHandler } from 'express';

/** Methods that only read. A page on any site can make a browser send them (an <img>, a link). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses, with 403, a state-changing request that a browser says comes from another origin: the
 * caller answers with its own `writer` token, so such a request is a write that any page could
 * make in the caller's name (CSRF). The check is the one of Go's `http.CrossOriginProtection`:
 * `Sec-Fetch-Site` when the browser sends it, else `Origin` against `Host`; a request with
 * neither header does not come from a browser (curl, a script) and passes. Register it before the
 * body parser, so a refused form is never read.
 */
export const refuseCrossSiteWrites: RequestHandler = (request, response, next) => {
  if (SAFE_METHODS.has(request.method)) return next();
  const evidence = crossOriginEvidence(request.headers);
  if (evidence === undefined) return next();
  request.resume();
  response.status(403).json({
    statusCode: 403,
    error: 'cross_site_request',
    reason:
      `${request.method} ${request.path} came from another site (${evidence}): ` +
      'the caller writes with its own token, so it refuses writes that another page could make',
  });
};

/** Why the request is from another origin (the header that says so), or undefined. */
function crossOriginEvidence(headers: IncomingHttpHeaders): string | undefined {
  const site = headers['sec-fetch-site'];
  if (site !== undefined) {
    return site === 'same-origin' || site === 'none' ? undefined : `Sec-Fetch-Site: ${site}`;
  }
  const origin = headers.origin;
  if (origin === undefined || hostOf(origin) === headers.host) return undefined;
  return `Origin: ${origin}`;
}

/** `host:port` of an Origin header; undefined for `null` and anything unparsable. */
function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
