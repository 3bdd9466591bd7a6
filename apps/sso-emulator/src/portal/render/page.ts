import { html } from './html.js';
import { inspectSection } from './inspect-section.js';
import { keysSection } from './keys-section.js';
import { registrySection } from './registry-section.js';
import { STYLE_ELEMENT } from './style.js';
import { tokenSection } from './token-section.js';
import { type PortalView } from '../portal-view.js';

/** The whole portal page: plain HTML, no script, every registry-derived string escaped. */
export function renderPage(view: PortalView): string {
  const saved = view.keysSaved
    ? html`Key rotations are also saved to the keys file (<code>SSO_KEYS_FILE</code>).`
    : 'Key rotations are lost when the emulator restarts.';
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>SSO emulator portal</title>
        ${STYLE_ELEMENT}
      </head>
      <body>
        <header>
          <h1>SSO emulator portal</h1>
          <p class="note" role="note">
            <strong>Development only.</strong> A local stand-in for the CERN Applications Portal and
            SSO, issuer <code>${view.issuer}</code>. Its demo secrets are public. Changes made on
            this page live in this emulator's memory only: the registry is read from
            <code>registry.yaml</code> at start and never written. ${saved}
          </p>
          ${view.formProblem ? html`<p class="error" role="alert">The form could not be read: ${view.formProblem}</p>` : ''}
          <nav aria-label="On this page">
            <a href="#applications">Applications</a> · <a href="#groups">Groups</a> ·
            <a href="#memberships">Who holds which role</a> · <a href="#token">Get a token</a> ·
            <a href="#inspect">Read a token</a> ·
            <a href="#keys">Signing keys</a>
          </nav>
        </header>
        <main>
          ${registrySection(view)} ${tokenSection(view)} ${inspectSection(view)}
          ${keysSection(view)}
        </main>
      </body>
    </html> `.value;
}
