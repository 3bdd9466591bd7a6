import { type RegistryDefinition } from '../registry/registry.types.js';

/** One way an application holds a role: the group the role names, then each nested group down to it. */
export interface RoleHolding {
  clientId: string;
  /** e.g. `['target-api-readers', 'reporting-apps']`: caller is in reporting-apps, which is in target-api-readers. */
  through: string[];
}

/**
 * Every application that holds `roleName` in `targetId`, once per chain of groups that grants it,
 * sorted by client id then chain. The registry has already refused cycles, so the walk ends.
 */
export function roleHolders(
  registry: RegistryDefinition,
  targetId: string,
  roleName: string,
): RoleHolding[] {
  const groups = new Map(registry.groups.map((group) => [group.name, group.members]));
  const role = registry.applications
    .find((app) => app.clientId === targetId)
    ?.roles.find((candidate) => candidate.name === roleName);
  const holdings: RoleHolding[] = [];
  const walk = (group: string, through: string[]): void => {
    for (const member of groups.get(group) ?? []) {
      if (groups.has(member)) walk(member, [...through, member]);
      else holdings.push({ clientId: member, through });
    }
  };
  for (const group of role?.groups ?? []) walk(group, [group]);
  return holdings.sort(
    (a, b) =>
      a.clientId.localeCompare(b.clientId) ||
      a.through.join('/').localeCompare(b.through.join('/')),
  );
}
