import { html, type SafeHtml } from './html.js';
import { type PortalView } from '../portal-view.js';

/** Applications, groups and who holds which role where, through which groups. */
export function registrySection(view: PortalView): SafeHtml {
  const targets = view.applications.filter((app) => app.roles.length > 0);
  return html`
    <section aria-labelledby="applications">
      <h2 id="applications">Applications</h2>
      <table>
        <caption>
          Registered applications (secrets are never shown)
        </caption>
        <thead>
          <tr>
            <th scope="col">Client id</th>
            <th scope="col">Name</th>
            <th scope="col">API Access</th>
            <th scope="col">Roles it defines</th>
          </tr>
        </thead>
        <tbody>
          ${view.applications.map(
            (app) =>
              html`<tr>
                <th scope="row"><code>${app.clientId}</code></th>
                <td>${app.displayName}</td>
                <td>${app.apiAccess ? 'yes: can get tokens' : 'no'}</td>
                <td>
                  ${app.roles.map((role) => html`<code>${role.name}</code> (${role.description || 'no description'}) `)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="groups">
      <h2 id="groups">Groups</h2>
      <table>
        <caption>
          Groups and their direct members (applications or nested groups)
        </caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Members</th>
          </tr>
        </thead>
        <tbody>
          ${view.groups.map(
            (group) =>
              html`<tr>
                <th scope="row"><code>${group.name}</code></th>
                <td>
                  ${group.members.map((member, i) => html`${i ? ', ' : ''}<code>${member}</code>`)}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </section>
    <section aria-labelledby="memberships">
      <h2 id="memberships">Who holds which role</h2>
      ${targets.map(
        (app) =>
          html`<table>
            <caption>
              Roles in
              <code>${app.clientId}</code
              >: the
              <code>cern_roles</code>
              of a token for audience
              <code>${app.clientId}</code>
            </caption>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Assigned to groups</th>
                <th scope="col">Held by</th>
                <th scope="col">Through</th>
              </tr>
            </thead>
            <tbody>
              ${app.roles.map((role) =>
                (role.holders.length ? role.holders : [undefined]).map(
                  (holder) =>
                    html`<tr>
                      <th scope="row"><code>${role.name}</code></th>
                      <td>${role.groups.join(', ') || 'none'}</td>
                      <td>${holder ? html`<code>${holder.clientId}</code>` : 'nobody'}</td>
                      <td>${holder ? holder.through.join(' → ') : ''}</td>
                    </tr>`,
                ),
              )}
            </tbody>
          </table>`,
      )}
    </section>
  `;
}
