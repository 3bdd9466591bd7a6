import { randomBytes } from 'node:crypto';
import { TokenClient } from '../client/index.js';
import { ApiAccessError } from '../errors/api-access-error.js';
import { registerInEmulator } from './emulator-registration.js';
import type { Matrix, MatrixIdentity } from './matrix.js';
import { MatrixIdentityError, MatrixSetupError } from './matrix-errors.js';

/** Mints tokens in-process: `TestIssuer` from `@cern-sso/api-access/testing` fits. */
export interface MatrixIssuer {
  mintToken(options: { aud: string; azp: string; roles: readonly string[] }): string;
}

export interface IdentityTokenOptions {
  /** Where `secretEnv` and the emulator's admin secret are read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Mint `roles` identities with this issuer instead of the emulator (jest, `describeMatrix`). */
  issuer?: MatrixIssuer;
  /** HTTP seam for the emulator's admin API. Default the global `fetch`. */
  fetch?: typeof fetch;
}

/** The application a `roles` identity becomes in the emulator (and the `azp` a test issuer writes). */
export function clientIdFor(identity: MatrixIdentity): string {
  return identity.kind === 'application' ? identity.clientId : `matrix-${identity.name}`;
}

/**
 * Checks that every identity can get a token here, before anything runs.
 * @throws {MatrixSetupError} listing each identity that cannot, and why
 */
export function checkIdentitySetup(matrix: Matrix, options: IdentityTokenOptions = {}): void {
  const env = options.env ?? process.env;
  const problems: string[] = [];
  const emulator = matrix.sso.emulator;
  for (const identity of matrix.identities) {
    if (identity.kind === 'application' && !env[identity.secretEnv]) {
      problems.push(
        `identity "${identity.name}": ${identity.secretEnv} is not set (the client secret of ${identity.clientId})`,
      );
    }
    if (identity.kind !== 'roles' || options.issuer) continue;
    if (!emulator) {
      problems.push(
        `identity "${identity.name}" is defined by roles, which only the emulator or a test issuer can grant; ` +
          `against a real SSO use a registered application { clientId, secretEnv } (or add sso.emulator if ${matrix.sso.tokenEndpoint} is the emulator)`,
      );
    } else if (!env[emulator.adminSecretEnv]) {
      problems.push(
        `identity "${identity.name}": ${emulator.adminSecretEnv} is not set (the emulator's admin secret, to register its roles)`,
      );
    }
  }
  if (problems.length > 0) throw new MatrixSetupError([...new Set(problems)]);
}

/**
 * The Authorization header value of each identity (`undefined` for `token: none`), every token
 * obtained before the first cell runs.
 * @throws {MatrixSetupError} see checkIdentitySetup
 * @throws {MatrixIdentityError} the SSO or the emulator refused an identity
 */
export async function identityAuthorizations(
  matrix: Matrix,
  options: IdentityTokenOptions = {},
): Promise<Map<string, string | undefined>> {
  checkIdentitySetup(matrix, options);
  const env = options.env ?? process.env;
  const authorizations = new Map<string, string | undefined>();
  for (const identity of matrix.identities) {
    const token = await tokenFor(identity, matrix, env, options);
    authorizations.set(identity.name, token === undefined ? undefined : `Bearer ${token}`);
  }
  return authorizations;
}

async function tokenFor(
  identity: MatrixIdentity,
  matrix: Matrix,
  env: Readonly<Record<string, string | undefined>>,
  options: IdentityTokenOptions,
): Promise<string | undefined> {
  if (identity.kind === 'none') return undefined;
  const clientId = clientIdFor(identity);
  if (identity.kind === 'roles' && options.issuer) {
    return options.issuer.mintToken({
      aud: identity.audience,
      azp: clientId,
      roles: identity.roles,
    });
  }
  let clientSecret: string;
  if (identity.kind === 'roles') {
    // A fresh secret each run: it lives only in this process and in the emulator's memory.
    clientSecret = randomBytes(24).toString('base64url');
    const emulator = matrix.sso.emulator!;
    await registerInEmulator({
      adminUrl: emulator.adminUrl,
      adminSecret: env[emulator.adminSecretEnv]!,
      identity: identity.name,
      clientId,
      secret: clientSecret,
      rolesIn: { [identity.audience]: identity.roles },
      fetch: options.fetch ?? fetch,
    });
  } else {
    clientSecret = env[identity.secretEnv]!;
  }
  const client = new TokenClient({
    tokenEndpoint: matrix.sso.tokenEndpoint,
    clientId,
    clientSecret,
  });
  try {
    return await client.getToken(identity.audience);
  } catch (error) {
    const detail =
      error instanceof ApiAccessError ? `${error.message} [${error.code}]` : String(error);
    throw new MatrixIdentityError(
      identity.name,
      `no token for audience "${identity.audience}": ${detail}`,
      { cause: error },
    );
  }
}
