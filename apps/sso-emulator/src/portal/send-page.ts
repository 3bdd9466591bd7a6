import { type Response } from 'express';
import { renderPage } from './render/page.js';
import { STYLE_HASH } from './render/style.js';
import { type PortalResult } from './portal-view.js';

/**
 * No script may run, nothing may load from elsewhere, and forms post only back here: the page
 * shows tokens, so an injected tag must be unable to do anything with one.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src '${STYLE_HASH}'`,
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Renders the page with headers that keep a displayed token out of caches and other origins. */
export function sendPage(response: Response, { status, view }: PortalResult): void {
  response
    .status(status)
    .set({
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
    })
    .send(renderPage(view));
}
