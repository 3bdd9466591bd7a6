/** The Applications Portal model, as written in `registry.yaml`. */
export interface RoleDefinition {
  name: string;
  description: string;
  /** Groups whose members (recursively) hold this role. */
  groups: string[];
  /** Granted to every authenticated user; application identities are not users, so not to them. */
  applyToAllUsers: boolean;
}

export interface ApplicationDefinition {
  clientId: string;
  secret: string;
  displayName: string;
  /** The portal's "My application will need to get tokens using its own client ID and secret". */
  apiAccess: boolean;
  roles: RoleDefinition[];
}

export interface GroupDefinition {
  name: string;
  /** Application client ids and names of nested groups. */
  members: string[];
}

export interface RegistryDefinition {
  applications: ApplicationDefinition[];
  groups: GroupDefinition[];
}

/** What the admin API registers: an API Access application and its roles in each target. */
export interface ApplicationRegistration {
  clientId: string;
  secret: string;
  /** Target client id -> role names the application holds there. */
  rolesIn: Record<string, string[]>;
}

/** What the admin API registers: an API Access application and its roles in each target. */
export interface ApplicationRegistration {
  clientId: string;
  secret: string;
  /** Target client id -> the role names the application holds there. */
  rolesIn: Record<string, string[]>;
}
