import { readFile } from 'node:fs/promises';
import { parseRegistry, RegistryError } from './registry.schema.js';
import { type ApplicationDefinition, type RegistryDefinition } from './registry.types.js';

/**
 * The registry with every membership resolved at load time: looking up a caller's roles in a
 * target is then a map read, and a bad reference or a cycle stops the emulator at start.
 */
export class Registry {
  private readonly applications = new Map<string, ApplicationDefinition>();
  /** client id -> every group it belongs to, directly or through nested groups. */
  private readonly groupsOf = new Map<string, Set<string>>();

  constructor(
    readonly definition: RegistryDefinition,
    source = 'registry',
  ) {
    const problems: string[] = [];
    const groups = new Map(definition.groups.map((group) => [group.name, group]));
    for (const app of definition.applications) {
      if (this.applications.has(app.clientId))
        problems.push(`duplicate client id "${app.clientId}"`);
      this.applications.set(app.clientId, app);
      const roleNames = new Set<string>();
      for (const role of app.roles) {
        if (roleNames.has(role.name))
          problems.push(`application "${app.clientId}": duplicate role "${role.name}"`);
        roleNames.add(role.name);
        for (const name of role.groups) {
          if (!groups.has(name))
            problems.push(
              `application "${app.clientId}": role "${role.name}" names unknown group "${name}"`,
            );
        }
      }
    }
    const seen = new Set<string>();
    for (const group of definition.groups) {
      if (seen.has(group.name)) problems.push(`duplicate group "${group.name}"`);
      seen.add(group.name);
      for (const member of group.members) {
        if (groups.has(member) && this.applications.has(member)) {
          problems.push(
            `group "${group.name}": member "${member}" is both a group and an application`,
          );
        } else if (!groups.has(member) && !this.applications.has(member)) {
          problems.push(
            `group "${group.name}": unknown member "${member}" (neither an application nor a group)`,
          );
        }
      }
    }
    problems.push(...findCycles(groups));
    if (problems.length > 0) throw new RegistryError(problems, source);

    // Walk each group down to its applications; the cycle check above makes this terminate.
    const addMembers = (root: string, name: string): void => {
      for (const member of groups.get(name)?.members ?? []) {
        if (groups.has(member)) addMembers(root, member);
        else {
          const memberOf = this.groupsOf.get(member) ?? new Set<string>();
          this.groupsOf.set(member, memberOf.add(root));
        }
      }
    };
    for (const group of definition.groups) addMembers(group.name, group.name);
  }

  static async load(path: string): Promise<Registry> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new RegistryError([`cannot read file: ${(error as Error).message}`], path);
    }
    return new Registry(parseRegistry(text, path), path);
  }

  application(clientId: string): ApplicationDefinition | undefined {
    return this.applications.get(clientId);
  }

  /** Groups the application belongs to, nested ones included, sorted. */
  groupsOfApplication(clientId: string): string[] {
    return [...(this.groupsOf.get(clientId) ?? [])].sort();
  }

  /** The roles `callerId` holds in application `targetId` (empty when none). */
  rolesIn(targetId: string, callerId: string): string[] {
    const groups = this.groupsOf.get(callerId) ?? new Set<string>();
    const target = this.applications.get(targetId);
    if (!target) return [];
    return target.roles
      .filter((role) => role.groups.some((g) => groups.has(g)))
      .map((role) => role.name);
  }
}

function findCycles(groups: Map<string, { members: string[] }>): string[] {
  const state = new Map<string, 'visiting' | 'done'>();
  const cycles: string[] = [];
  const visit = (name: string, path: string[]): void => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      cycles.push(`group cycle: ${[...path.slice(path.indexOf(name)), name].join(' -> ')}`);
      return;
    }
    state.set(name, 'visiting');
    for (const member of groups.get(name)?.members ?? []) {
      if (groups.has(member)) visit(member, [...path, name]);
    }
    state.set(name, 'done');
  };
  for (const name of groups.keys()) visit(name, []);
  return cycles;
}
