import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { NotDone, callTarget, decode, root, tokenFor } from './lib.mjs';

export const title = 'Grant the role to a new caller through a nested group';

export async function check() {
  // The registry the participant edited, read by the emulator's own loader (it checks references and cycles).
  const emulator = pathToFileURL(join(root, 'apps/sso-emulator/dist/index.js')).href;
  const { Registry } = await import(emulator);
  const registry = await Registry.load(join(root, 'apps/sso-emulator/registry.yaml'));
  const dashboard = registry.application('dashboard');
  if (!dashboard) {
    throw new NotDone(
      'apps/sso-emulator/registry.yaml has no application "dashboard". Register it (secret dashboard-secret, apiAccess: true).',
    );
  }
  const analyst = registry.application('target-api')?.roles.find((role) => role.name === 'analyst');
  if (!analyst) throw new NotDone('target-api has no role "analyst": do exercise 3 first.');
  const direct = registry.definition.groups.filter(
    (group) => analyst.groups.includes(group.name) && group.members.includes('dashboard'),
  );
  if (direct.length > 0) {
    throw new NotDone(
      `dashboard is a direct member of ${direct.map((group) => group.name).join(', ')}. Put it in its own group (dashboards) and nest that group in target-api-analysts instead.`,
    );
  }
  if (!registry.rolesIn('target-api', 'dashboard').includes('analyst')) {
    throw new NotDone(
      'dashboard does not hold analyst in registry.yaml: nest its group (dashboards) in target-api-analysts.',
    );
  }
  const { token } = await tokenFor('dashboard');
  const roles = decode(token).claims.cern_roles ?? [];
  if (!roles.includes('analyst'))
    throw new NotDone(
      `dashboard's token carries ${JSON.stringify(roles)}: restart the stack so the emulator reads the registry again.`,
    );
  const stats = await callTarget('/reports/stats', token);
  if (stats.status !== 200)
    throw new NotDone(`GET /reports/stats answers ${stats.status} to dashboard: ${stats.text}`);
  const via = registry.groupsOfApplication('dashboard').join(', ');
  return `dashboard holds analyst through nested groups (${via}) and gets 200 on GET /reports/stats.`;
}
