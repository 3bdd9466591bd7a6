import { decodedToken } from './decoded-token.js';
import { html, type SafeHtml } from './html.js';
import { type PortalView } from '../portal-view.js';

/** Paste any token: see what it says and whether this emulator signed it. */
export function inspectSection(view: PortalView): SafeHtml {
  const inspected = view.inspected;
  return html`
    <section aria-labelledby="inspect">
      <h2 id="inspect">Read a token</h2>
      <form method="post" action="/portal/inspect#inspect-result">
        <label for="inspect-input">A token (for example <code>$TOKEN</code> from the CLI)</label>
        <textarea id="inspect-input" name="token" rows="4" required></textarea>
        <button type="submit">Read token</button>
      </form>
      <div id="inspect-result" aria-live="polite">
        ${
          inspected === undefined
            ? ''
            : 'error' in inspected
              ? html`<p class="error" role="alert">${inspected.error}</p>`
              : decodedToken('inspected', inspected.token, inspected.inspection, 'issuer')
        }
      </div>
    </section>
  `;
}
