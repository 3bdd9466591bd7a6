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
    <p>${expiry(claims.exp)} ${roles(claims.cern_roles)}</p>
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

/** A pasted token's claims can hold anything: a value that is not what it should be is named. */
function expiry(exp: unknown): SafeHtml {
  if (exp === undefined) return html`Expires at never.`;
  const at = typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  if (at && !Number.isNaN(at.getTime())) return html`Expires at ${at.toISOString()}.`;
  return html`Expires: <code>exp</code> is not a valid time: ${JSON.stringify(exp)} (expected
    seconds since 1970, as a number).`;
}

function roles(value: unknown): SafeHtml {
  if (value === undefined) return html`Roles (<code>cern_roles</code>): none.`;
  if (Array.isArray(value) && value.every((role) => typeof role === 'string')) {
    return html`Roles (<code>cern_roles</code>): ${value.join(', ') || 'none'}.`;
  }
  return html`Roles: <code>cern_roles</code> is not a list of role names: ${JSON.stringify(value)}
    (expected an array of strings).`;
}
