import { type GroupDefinition } from '../registry/registry.types.js';
import { type TokenInspection } from './inspect-token.js';
import { type RoleHolding } from './role-holders.js';

/** What the page shows about an application. There is deliberately no field for its secret. */
export interface ApplicationView {
  clientId: string;
  displayName: string;
  apiAccess: boolean;
  roles: { name: string; description: string; groups: string[]; holders: RoleHolding[] }[];
}

export type TokenResult =
  | { clientId: string; audience: string; token: string; inspection: TokenInspection }
  | { clientId: string; audience: string; error: string };

/** A token pasted into the page: decoded and checked, or why it could not be read. */
export type InspectedToken = { token: string; inspection: TokenInspection } | { error: string };

/** Everything the portal page renders, built fresh for every response. */
export interface PortalView {
  issuer: string;
  applications: ApplicationView[];
  groups: GroupDefinition[];
  keys: { current: string; kids: string[] };
  /** Whether rotations are saved to `SSO_KEYS_FILE`. Its path is not shown: it holds private keys. */
  keysSaved: boolean;
  adminEnabled: boolean;
  token?: TokenResult;
  inspected?: InspectedToken;
  keysNotice?: { ok: boolean; text: string };
  /** A form the page could not read (wrong content type, too large, a repeated field). */
  formProblem?: string;
}

/** A page and the status to send it with (the status of the action it reports). */
export interface PortalResult {
  status: number;
  view: PortalView;
}
