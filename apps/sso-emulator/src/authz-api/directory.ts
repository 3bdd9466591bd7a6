import { type Registry } from '../registry/registry.js';
import {
  type ApplicationEntry,
  type GroupResource,
  type IdentityResource,
  type RoleResource,
} from './resources.js';
import { stableId } from './stable-id.js';

/**
 * The registry seen as the Authorization Service API sees the portal: identities (one per
 * application), groups and roles, each found by its GUID or by its name. Framework-free; built
 * once, since the registry does not change while the emulator runs.
 */
export class Directory {
  private readonly identities = new Map<string, IdentityResource>();
  private readonly groupsByKey = new Map<string, GroupResource>();
  private readonly applications = new Map<string, ApplicationEntry>();
  private readonly roleGroups = new Map<string, GroupResource[]>();
  readonly allGroups: readonly GroupResource[];

  constructor(private readonly registry: Registry) {
    const groups = registry.definition.groups.map((group) => ({
      id: stableId('group', group.name),
      groupIdentifier: group.name,
      displayName: group.name,
    }));
    this.allGroups = [...groups].sort(byIdentifier);
    for (const group of groups) index(this.groupsByKey, [group.id, group.groupIdentifier], group);

    for (const app of registry.definition.applications) {
      const identity: IdentityResource = {
        id: stableId('identity', app.clientId),
        upn: app.clientId,
        displayName: app.displayName,
        type: 'Application',
      };
      index(this.identities, [identity.id, identity.upn], identity);
      const applicationId = stableId('application', app.clientId);
      const roles: RoleResource[] = app.roles.map((role) => {
        const resource: RoleResource = {
          id: stableId('role', `${app.clientId}/${role.name}`),
          name: role.name,
          displayName: role.name,
          description: role.description,
          required: false,
          multifactor: false,
          applyToAllUsers: role.applyToAllUsers,
          applicationId,
        };
        this.roleGroups.set(
          resource.id,
          role.groups.map((name) => this.group(name)!),
        );
        return resource;
      });
      const entry = { id: applicationId, applicationIdentifier: app.clientId, roles };
      index(this.applications, [entry.id, entry.applicationIdentifier], entry);
    }
  }

  /** By GUID or upn (an application's client id). */
  identity(idOrUpn: string): IdentityResource | undefined {
    return this.identities.get(key(idOrUpn));
  }

  /** By GUID or groupIdentifier. */
  group(idOrIdentifier: string): GroupResource | undefined {
    return this.groupsByKey.get(key(idOrIdentifier));
  }

  /** By GUID or applicationIdentifier (the client id). */
  application(idOrIdentifier: string): ApplicationEntry | undefined {
    return this.applications.get(key(idOrIdentifier));
  }

  /** The groups an identity is a member of: directly, or also through nested groups. */
  groupsOf(identity: IdentityResource, recursive: boolean): GroupResource[] {
    const names = recursive
      ? this.registry.groupsOfApplication(identity.upn)
      : this.registry.definition.groups
          .filter((group) => group.members.includes(identity.upn))
          .map((group) => group.name);
    return names.map((name) => this.group(name)!).sort(byIdentifier);
  }

  /** The groups whose members (recursively) hold the role. */
  groupsOfRole(role: RoleResource): GroupResource[] {
    return this.roleGroups.get(role.id) ?? [];
  }
}

// Identifiers are compared without case, as CERN's group and account names are.
function key(idOrName: string): string {
  return idOrName.toLowerCase();
}

function index<T>(map: Map<string, T>, keys: string[], value: T): void {
  for (const name of keys) map.set(key(name), value);
}

function byIdentifier(a: GroupResource, b: GroupResource): number {
  return a.groupIdentifier.localeCompare(b.groupIdentifier);
}
