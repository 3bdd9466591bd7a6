import { type AxiosInstance } from 'axios';

/** Page size asked of the Authorization Service API; longer lists take several requests. */
const PAGE_SIZE = 1000;

interface Paged<T> {
  data: T[];
  pagination: { total: number };
}

interface Identity {
  id: string;
  upn: string;
  displayName: string;
  type: string;
}

interface Role {
  id: string;
  name: string;
  description: string;
}

/** One role of the application, and whether the identity holds it: the "why" of a 200 or 403. */
export interface RoleStanding {
  name: string;
  description: string;
  held: boolean;
  /** The groups the role is assigned to. */
  grantedTo: string[];
  /** Those of them the identity is in (directly or through nested groups); empty when not held. */
  via: string[];
}

export interface IdentityReport {
  /** The application behind the token, as the Authorization Service API names it. */
  identity: Identity;
  /** Its groups, nested ones included. */
  groups: string[];
  /** The application whose roles are reported. */
  application: string;
  roles: RoleStanding[];
  /** The names of the roles held: what a token for `application` carries in `cern_roles`. */
  held: string[];
}

/**
 * Asks the Authorization Service API who the token's application is, its groups (recursively),
 * and which roles of `application` those groups give it. `authz` is an axios instance for the
 * API's base URL (`.../api/v1.0`) that authenticates with an API Access token for
 * `authorization-service-api`; the identity needs that API's `reader` role beyond
 * `Identity/current`. Framework-free: the caller's `GET /me` and the end-to-end suite share it.
 */
export async function lookUpIdentity(
  authz: AxiosInstance,
  application: string,
): Promise<IdentityReport> {
  const identity = (await authz.get<{ data: Identity }>('/Identity/current')).data.data;
  const groups = (
    await all<{ groupIdentifier: string }>(authz, `/Identity/${segment(identity.id)}/groups`, {
      recursive: 'true',
    })
  ).map((group) => group.groupIdentifier);
  const member = new Set(groups.map((group) => group.toLowerCase()));

  const app = segment(application);
  const roles = await all<Role>(authz, `/Application/${app}/roles`);
  const standings = await Promise.all(
    roles.map(async (role): Promise<RoleStanding> => {
      const grantedTo = (
        await all<{ groupIdentifier: string }>(
          authz,
          `/Application/${app}/roles/${segment(role.id)}/groups`,
        )
      ).map((group) => group.groupIdentifier);
      const via = grantedTo.filter((group) => member.has(group.toLowerCase()));
      return {
        name: role.name,
        description: role.description,
        held: via.length > 0,
        grantedTo,
        via,
      };
    }),
  );
  return {
    identity,
    groups,
    application,
    roles: standings,
    held: standings.filter((role) => role.held).map((role) => role.name),
  };
}

/** Every item of a paginated list, page by page. */
async function all<T>(
  http: AxiosInstance,
  path: string,
  params: Record<string, string> = {},
): Promise<T[]> {
  const items: T[] = [];
  for (;;) {
    const page = (
      await http.get<Paged<T>>(path, {
        params: { ...params, offset: items.length, limit: PAGE_SIZE },
      })
    ).data;
    items.push(...page.data);
    if (page.data.length === 0 || items.length >= page.pagination.total) return items;
  }
}

function segment(value: string): string {
  return encodeURIComponent(value);
}
