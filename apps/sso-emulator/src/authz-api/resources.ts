/**
 * What the API returns, in the real Authorization Service API's field names (as public clients
 * read them). Only fields the registry can fill are present.
 */
export interface IdentityResource {
  id: string;
  /** For an application: its client id. */
  upn: string;
  displayName: string;
  /** Every identity in the emulator is an application; the real API also has `Person`. */
  type: 'Application';
}

export interface GroupResource {
  id: string;
  groupIdentifier: string;
  displayName: string;
}

export interface RoleResource {
  id: string;
  name: string;
  displayName: string;
  description: string;
  /** The portal's flags; the registry does not model them, so always false here. */
  required: false;
  multifactor: false;
  applyToAllUsers: boolean;
  applicationId: string;
}

/** An application as the portal names it, with its roles. */
export interface ApplicationEntry {
  id: string;
  applicationIdentifier: string;
  roles: RoleResource[];
}
