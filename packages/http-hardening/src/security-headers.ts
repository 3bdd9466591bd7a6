import { type RequestHandler } from 'express';
import helmet from 'helmet';

/** CSP directives in helmet's form: `{ defaultSrc: ["'none'"] }`. */
export type CspDirectives = Record<string, string[]>;

/** The CSP of a JSON API: a response may load nothing and no page may frame it. */
export const API_CSP: CspDirectives = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/**
 * helmet's security headers (no `X-Powered-By`, `nosniff`, `Referrer-Policy: no-referrer`, HSTS,
 * cross-origin isolation headers...) with this Content-Security-Policy, which must forbid
 * framing. Register it first, so every response has them, refusals included.
 */
export function securityHeaders(csp: CspDirectives = API_CSP): RequestHandler {
  if (csp.frameAncestors?.join(' ') !== "'none'") {
    throw new TypeError(
      `securityHeaders: frameAncestors: expected ["'none'"], got ${JSON.stringify(csp.frameAncestors)}`,
    );
  }
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: csp },
    xFrameOptions: { action: 'deny' },
  });
}
