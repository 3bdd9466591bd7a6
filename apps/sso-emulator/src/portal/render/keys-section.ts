import { html, type SafeHtml } from './html.js';
import { type PortalView } from '../portal-view.js';

/** The published keys and the rotate button. */
export function keysSection(view: PortalView): SafeHtml {
  const notice = view.keysNotice;
  return html`
    <section aria-labelledby="keys">
      <h2 id="keys">Signing keys</h2>
      <p>
        Published at
        <a href="${view.issuer}/protocol/openid-connect/certs"
          >${view.issuer}/protocol/openid-connect/certs</a
        >.
      </p>
      <table>
        <caption>
          Keys in the JWKS, newest first
        </caption>
        <thead>
          <tr>
            <th scope="col">kid</th>
            <th scope="col">Use</th>
          </tr>
        </thead>
        <tbody id="key-list">
          ${view.keys.kids.map(
            (kid) =>
              html`<tr>
                <td><code>${kid}</code></td>
                <td>
                  ${kid === view.keys.current ? 'current: signs new tokens' : 'previous: still verifies tokens it signed'}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
      <form method="post" action="/portal/keys/rotate#keys">
        <label for="admin_secret">Admin secret (<code>SSO_ADMIN_SECRET</code>)</label>
        <input
          id="admin_secret"
          name="admin_secret"
          type="password"
          autocomplete="off"
          ${view.adminEnabled ? '' : ' disabled'}
        />
        <button type="submit" ${view.adminEnabled ? '' : ' disabled'}>Rotate keys</button>
      </form>
      ${view.adminEnabled ? '' : html`<p>Admin actions are off: start the emulator with <code>SSO_ADMIN_SECRET</code>.</p>`}
      ${notice ? html`<p class="${notice.ok ? 'ok' : 'error'}" id="keys-notice" role="${notice.ok ? 'status' : 'alert'}">${notice.text}</p>` : ''}
    </section>
  `;
}
