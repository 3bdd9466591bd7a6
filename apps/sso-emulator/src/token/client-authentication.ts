import { createHash, timingSafeEqual } from 'node:crypto';
import { type Registry } from '../registry/registry.js';
import { type ApplicationDefinition } from '../registry/registry.types.js';
import { OAuthError } from './oauth-error.js';

const BASIC_CHALLENGE = 'Basic realm="api-access"';
const INVALID = 'Invalid client or Invalid client credentials';

/**
 * Authenticates the calling application by form (`client_id` + `client_secret`) or HTTP Basic
 * (RFC 6749 2.3.1: both parts form-urlencoded before base64). Using both at once is refused.
 */
export function authenticateClient(
  registry: Registry,
  form: Map<string, string>,
  authorization: string | undefined,
): ApplicationDefinition {
  const basic = authorization !== undefined && /^basic\s/i.test(authorization);
  if (authorization !== undefined && !basic) {
    throw OAuthError.invalidRequest(
      'Authorization header must use the Basic scheme on the token endpoint',
    );
  }
  if (basic && (form.has('client_secret') || form.has('client_id'))) {
    throw OAuthError.invalidRequest(
      'client credentials sent both in the Authorization header and in the form',
    );
  }
  const fail = (description: string): OAuthError =>
    new OAuthError(401, 'invalid_client', description, basic ? BASIC_CHALLENGE : undefined);

  const credentials = basic ? decodeBasic(authorization!) : fromForm(form);
  if (!credentials) throw fail('client authentication required: send client_id and client_secret');
  const app = registry.application(credentials.clientId);
  // Compare even for an unknown client, so timing does not reveal which client ids exist.
  const matches = secretsEqual(credentials.secret, app?.secret ?? '');
  if (!app || !matches) throw fail(INVALID);
  return app;
}

function fromForm(form: Map<string, string>): { clientId: string; secret: string } | undefined {
  const clientId = form.get('client_id');
  const secret = form.get('client_secret');
  if (!clientId || secret === undefined) return undefined;
  return { clientId, secret };
}

function decodeBasic(header: string): { clientId: string; secret: string } | undefined {
  const decoded = Buffer.from(header.replace(/^basic\s+/i, '').trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    const formDecode = (part: string) => decodeURIComponent(part.replace(/\+/g, ' '));
    return {
      clientId: formDecode(decoded.slice(0, colon)),
      secret: formDecode(decoded.slice(colon + 1)),
    };
  } catch {
    return undefined;
  }
}

/** Constant time regardless of where or whether the secrets differ (hashing equalises lengths). */
function secretsEqual(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected)) && expected !== '';
}
