import { decodedToken } from './decoded-token.js';
import { html, type SafeHtml } from './html.js';
import { type PortalView, type TokenResult } from '../portal-view.js';

/** The form that asks the API Access endpoint for a token, and the token it got, decoded. */
export function tokenSection(view: PortalView): SafeHtml {
  const callers = view.applications.filter((app) => app.apiAccess);
  const chosen = view.token;
  const option = (clientId: string, selected: string | undefined) =>
    html`<option value="${clientId}" ${selected === clientId ? ' selected' : ''}>
      ${clientId}
    </option>`;
  return html`
    <section aria-labelledby="token">
      <h2 id="token">Get a token</h2>
      <p>
        The same request as <code>POST ${view.issuer}/api-access/token</code>: a client-credentials
        grant with the caller's own client id and secret, plus <code>audience</code>. The demo
        secrets are in <code>registry.yaml</code> (<code>&lt;client id&gt;-secret</code>).
      </p>
      <form method="post" action="/portal/token#token-result">
        <label for="client_id">Calling application</label>
        <select id="client_id" name="client_id">
          ${callers.map((app) => option(app.clientId, chosen?.clientId))}
        </select>
        <label for="client_secret">Its client secret</label>
        <input
          id="client_secret"
          name="client_secret"
          type="password"
          autocomplete="off"
          required
        />
        <label for="audience">Audience (the target application)</label>
        <select id="audience" name="audience">
          ${view.applications.map((app) => option(app.clientId, chosen?.audience ?? 'target-api'))}
        </select>
        <button type="submit">Get token</button>
      </form>
      <div id="token-result" aria-live="polite">${chosen ? result(chosen) : ''}</div>
    </section>
  `;
}

function result(token: TokenResult): SafeHtml {
  if ('error' in token) {
    return html`<p class="error" role="alert">Refused: <code>${token.error}</code></p>`;
  }
  return html`
    <h3>Token for <code>${token.clientId}</code> → <code>${token.audience}</code></h3>
    ${decodedToken('token', token.token, token.inspection, 'issuer and audience')}
  `;
}
