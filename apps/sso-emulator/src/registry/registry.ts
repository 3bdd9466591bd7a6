import { readFile } from 'node:fs/promises';
import { parseRegistry, RegistryError } from './registry.schema.js';
import {
  type ApplicationDefinition,
  type ApplicationRegistration,
  type RegistryDefinition,
} from './registry.types.js';

/**
 * The registry with every membership resolved at load time: looking up a caller's roles in a
 * target is then a map read, and a bad reference or a cycle stops the emulator at start.
 */
export class Registry {
  private current: RegistryDefinition;
  private applications = new Map<string, ApplicationDefinition>();
  /** client id -> every group it belongs to, directly or through nested groups. */
  private groupsOf = new Map<string, Set<string>>();
  /** Applications added by `register` (the admin API), which a later `register` may replace. */
  private readonly registered = new Set<string>();

  constructor(
    definition: RegistryDefinition,
    private readonly source = 'registry',
  ) {
    this.index(definition);
    this.current = definition;
  }

  /** The applications and groups as loaded, plus those registered since. */
  get definition(): RegistryDefinition {
    return this.current;
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

  /**
   * Adds an API Access application holding `rolesIn[target]` in each target, or replaces one
   * added here before (registering is idempotent). A role the target lacks is added to it; the
   * grants go through a group of the application's own, `registered:<client id>`, as in the portal.
   * @throws {RegistrationError} the client id belongs to the registry file, or a target is unknown
   */
  register(registration: ApplicationRegistration): 'created' | 'replaced' {
    const { clientId, secret, rolesIn } = registration;
    const existing = this.applications.has(clientId);
    if (existing && !this.registered.has(clientId)) {
      throw new RegistrationError(
        'ERR_REGISTRATION_CONFLICT',
        `application "${clientId}" comes from ${this.source}; the admin API only replaces applications it registered`,
      );
    }
    const unknown = Object.keys(rolesIn).filter((target) => !this.applications.has(target));
    if (unknown.length > 0) {
      throw new RegistrationError(
        'ERR_UNKNOWN_TARGET',
        `rolesIn names unknown target application(s): ${unknown.map((t) => `"${t}"`).join(', ')}`,
      );
    }
    const group = `registered:${clientId}`;
    const applications = this.current.applications
      .filter((app) => app.clientId !== clientId)
      .map((app) => withGrants(app, group, rolesIn[app.clientId] ?? [], clientId));
    applications.push({ clientId, secret, displayName: clientId, apiAccess: true, roles: [] });
    const groups = this.current.groups.filter((g) => g.name !== group);
    groups.push({ name: group, members: [clientId] });
    const next = { applications, groups };
    this.index(next);
    this.current = next;
    this.registered.add(clientId);
    return existing ? 'replaced' : 'created';
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

  // Checks every reference and resolves memberships; nothing changes unless all is well.
  private index(definition: RegistryDefinition): void {
    const applications = new Map<string, ApplicationDefinition>();
    const groupsOf = new Map<string, Set<string>>();
    const problems: string[] = [];
    const groups = new Map(definition.groups.map((group) => [group.name, group]));
    for (const app of definition.applications) {
      if (applications.has(app.clientId)) problems.push(`duplicate client id "${app.clientId}"`);
      applications.set(app.clientId, app);
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
        if (groups.has(member) && applications.has(member)) {
          problems.push(
            `group "${group.name}": member "${member}" is both a group and an application`,
          );
        } else if (!groups.has(member) && !applications.has(member)) {
          problems.push(
            `group "${group.name}": unknown member "${member}" (neither an application nor a group)`,
          );
        }
      }
    }
    problems.push(...findCycles(groups));
    if (problems.length > 0) throw new RegistryError(problems, this.source);

    // Walk each group down to its applications; the cycle check above makes this terminate.
    const addMembers = (root: string, name: string): void => {
      for (const member of groups.get(name)?.members ?? []) {
        if (groups.has(member)) addMembers(root, member);
        else {
          const memberOf = groupsOf.get(member) ?? new Set<string>();
          groupsOf.set(member, memberOf.add(root));
        }
      }
    };
    for (const group of definition.groups) addMembers(group.name, group.name);
    this.applications = applications;
    this.groupsOf = groupsOf;
  }
}

/** A registration the admin API refuses: a stable code and a message naming the entry. */
export class RegistrationError extends Error {
  constructor(
    readonly code: 'ERR_REGISTRATION_CONFLICT' | 'ERR_UNKNOWN_TARGET',
    message: string,
  ) {
    super(message);
    this.name = 'RegistrationError';
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

// The target's roles with `group` granting exactly `wanted`; roles it lacks are added.
function withGrants(
  app: ApplicationDefinition,
  group: string,
  wanted: readonly string[],
  clientId: string,
): ApplicationDefinition {
  const roles = app.roles.map((role) => ({
    ...role,
    groups: [
      ...role.groups.filter((name) => name !== group),
      ...(wanted.includes(role.name) ? [group] : []),
    ],
  }));
  for (const name of wanted) {
    if (roles.some((role) => role.name === name)) continue;
    roles.push({
      name,
      description: `added by the admin API for "${clientId}"`,
      groups: [group],
      applyToAllUsers: false,
    });
  }
  return { ...app, roles };
}
