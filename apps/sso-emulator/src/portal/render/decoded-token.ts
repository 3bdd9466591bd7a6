import { html, type SafeHtml } from './html.js';
import { type TokenInspection } from '../inspect-token.js';

/**
 * A token with its signature status, expiry, roles, header and claims. `id` prefixes element ids;
 * `checked` names what was verified besides the signature (e.g. "issuer and audience").
 */
export function decodedToken(
  id: string,
  token: string,
  inspection: TokenInspection,
  checked: string,
): SafeHtml {
  const { header, claims, signature } = inspection;
  const expires =
    typeof claims.exp === 'number' ? new Date(claims.exp * 1000).toISOString() : 'never';
  const roles = Array.isArray(claims.cern_roles) ? claims.cern_roles.join(', ') : '';
  return html`
    ${
      signature.verified
        ? html`<p class="ok" id="${id}-signature">
            Signature verified with key <code>${signature.kid}</code> from this emulator's JWKS
            (${checked} checked too).
          </p>`
        : html`<p class="error" id="${id}-signature">
            Signature not verified: <code>${signature.reason}</code>
          </p>`
    }
    <p>Expires at ${expires}. Roles (<code>cern_roles</code>): ${roles || 'none'}.</p>
    <label for="${id}-jwt"
      >The access token (send it as <code>Authorization: Bearer …</code>)</label
    >
    <textarea id="${id}-jwt" rows="5" readonly>${token}</textarea>
    <h4>Header</h4>
    <pre id="${id}-header">${JSON.stringify(header, null, 2)}</pre>
    <h4>Claims</h4>
    <pre id="${id}-claims">${JSON.stringify(claims, null, 2)}</pre>
  `;
}
