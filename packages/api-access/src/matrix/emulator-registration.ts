import { MatrixIdentityError } from './matrix-errors.js';

export interface EmulatorRegistration {
  /** The emulator's admin API, e.g. `http://localhost:8080/admin`. */
  adminUrl: string;
  /** Its SSO_ADMIN_SECRET. */
  adminSecret: string;
  /** The matrix identity the application stands for (named in errors). */
  identity: string;
  clientId: string;
  secret: string;
  /** Target client id -> roles there. */
  rolesIn: Record<string, readonly string[]>;
  fetch: typeof fetch;
}

/**
 * Registers (or re-registers: the emulator replaces its own registrations) an application holding
 * the identity's roles, through the emulator's `PUT /admin/applications/:clientId`.
 * @throws {MatrixIdentityError} the emulator refused or could not be reached
 */
export async function registerInEmulator(registration: EmulatorRegistration): Promise<void> {
  const { adminUrl, adminSecret, identity, clientId, secret, rolesIn } = registration;
  const url = `${adminUrl}/applications/${encodeURIComponent(clientId)}`;
  let response: Response;
  try {
    response = await registration.fetch(url, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-admin-secret': adminSecret },
      body: JSON.stringify({ secret, rolesIn }),
    });
  } catch (error) {
    throw new MatrixIdentityError(identity, `cannot reach the emulator at PUT ${url}`, {
      cause: error,
    });
  }
  if (response.ok) return;
  // The emulator's refusals name the problem and never echo the secrets.
  const said = await response.text().then(
    (text) => [JSON.parse(text).message].flat().join('; ') as string,
    () => '',
  );
  throw new MatrixIdentityError(
    identity,
    `the emulator refused PUT ${url}: HTTP ${response.status}${said ? ` (${said})` : ''}`,
  );
}
