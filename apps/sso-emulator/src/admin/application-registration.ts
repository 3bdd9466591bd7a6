import { type ApplicationRegistration } from '../registry/registry.types.js';

/** Registrations are a few hundred bytes; anything much larger is refused unread. */
export const MAX_REGISTRATION_BYTES = 16 * 1024;

const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const ROLE = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;
const MAX_ROLES = 50;

/**
 * Checks `PUT /admin/applications/:clientId`'s JSON body, `{ secret, rolesIn: { <target>: [roles] } }`,
 * and returns every problem at once (empty when the registration can be used). Messages name the
 * field and the rule, never the secret.
 */
export function registrationProblems(clientId: string, body: unknown): string[] {
  const problems: string[] = [];
  if (!CLIENT_ID.test(clientId)) {
    problems.push(
      `client id: expected 1-64 letters, digits, "_", "." or "-", got ${JSON.stringify(clientId)}`,
    );
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return [...problems, 'body: expected a JSON object { secret, rolesIn }'];
  }
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).filter((key) => key !== 'secret' && key !== 'rolesIn');
  if (unknown.length > 0)
    problems.push(`body: unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}`);
  const { secret, rolesIn } = fields;
  if (
    typeof secret !== 'string' ||
    secret.length < 8 ||
    secret.length > 256 ||
    /[^\x21-\x7e]/.test(secret)
  ) {
    problems.push('secret: expected 8-256 visible ASCII characters');
  }
  if (typeof rolesIn !== 'object' || rolesIn === null || Array.isArray(rolesIn)) {
    problems.push('rolesIn: expected an object { "<target client id>": ["<role>", ...] }');
    return problems;
  }
  for (const [target, roles] of Object.entries(rolesIn)) {
    if (!CLIENT_ID.test(target))
      problems.push(`rolesIn: bad target client id ${JSON.stringify(target)}`);
    if (!Array.isArray(roles) || roles.length > MAX_ROLES) {
      problems.push(`rolesIn.${target}: expected a list of at most ${MAX_ROLES} role names`);
      continue;
    }
    for (const role of roles) {
      if (typeof role !== 'string' || !ROLE.test(role)) {
        problems.push(`rolesIn.${target}: bad role name ${JSON.stringify(role)}`);
      }
    }
    if (new Set(roles).size !== roles.length)
      problems.push(`rolesIn.${target}: a role is repeated`);
  }
  return problems;
}

/** The registration, once `registrationProblems` found none. */
export function toRegistration(clientId: string, body: unknown): ApplicationRegistration {
  const { secret, rolesIn } = body as ApplicationRegistration;
  return { clientId, secret, rolesIn };
}
