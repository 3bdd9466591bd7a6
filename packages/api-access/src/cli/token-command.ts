import { parseArgs } from 'node:util';
import type { ClientAuthentication, TargetParameter } from '../client/index.js';

/** The local SSO emulator's API Access endpoint (`pnpm start`). */
export const DEFAULT_TOKEN_ENDPOINT = 'http://localhost:8080/auth/realms/cern/api-access/token';

/** Environment variables read when a flag is missing. */
export const ENV = {
  endpoint: 'API_ACCESS_TOKEN_ENDPOINT',
  clientId: 'API_ACCESS_CLIENT_ID',
  clientSecret: 'API_ACCESS_CLIENT_SECRET',
} as const;

export const USAGE = `Usage: api-access token --audience <client id> [options]
       api-access token --resource <uri> [options]

Gets a CERN SSO API Access token for the target application <client id> and prints it.

Options:
  --audience <id>        the target application's client id (this or --resource is required)
  --resource <uri>       name the target as an RFC 8707 resource instead (give both, with the same
                         value, to send both parameters)
  --no-audience-check    accept a token that is not a JWT for the target (opaque tokens)
  --endpoint <url>       token endpoint    [env ${ENV.endpoint}, default ${DEFAULT_TOKEN_ENDPOINT}]
  --client-id <id>       your client id    [env ${ENV.clientId}]
  --client-secret <s>    your secret       [env ${ENV.clientSecret}; prefer it: flags show in ps]
  --basic                send the credentials as HTTP Basic instead of in the form
  --decode               print the token's header and claims instead of the token
  -h, --help             show this help

Exit codes: 0 success, 1 the SSO refused or could not be reached, 2 usage error.

Permission matrix: api-access matrix run <file> [--junit <path>] [--json]  (api-access matrix --help)
`;

/** What `api-access token` was asked to do, flags first, then the environment, then defaults. */
export interface TokenCommand {
  /** The target, sent as each of `targetParameters`. */
  audience: string;
  targetParameters: TargetParameter[];
  checkTokenAudience: boolean;
  tokenEndpoint: string;
  clientId: string;
  clientSecret: string;
  clientAuthentication: ClientAuthentication;
  decode: boolean;
}

/** A mistake in how the command was called: exit code 2 and the usage text. */
export class UsageError extends Error {}

/** Parses argv; `'help'` when help was asked for. @throws {UsageError} */
export function parseTokenCommand(
  argv: string[],
  env: Record<string, string | undefined>,
): TokenCommand | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        audience: { type: 'string' },
        resource: { type: 'string' },
        'no-audience-check': { type: 'boolean', default: false },
        endpoint: { type: 'string' },
        'client-id': { type: 'string' },
        'client-secret': { type: 'string' },
        basic: { type: 'boolean', default: false },
        decode: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    // parseArgs throws TypeErrors whose message names the bad flag (read it without instanceof:
    // under a test VM, Node's TypeError comes from another realm).
    throw new UsageError(String((error as { message?: unknown }).message ?? error));
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  if (positionals.length !== 1 || positionals[0] !== 'token') {
    throw new UsageError(
      `expected the command "token", got ${positionals.length ? `"${positionals.join(' ')}"` : 'none'}`,
    );
  }
  const required = (value: string | undefined, what: string): string => {
    if (!value) throw new UsageError(`missing ${what}`);
    return value;
  };
  const { audience, resource } = values;
  if (audience !== undefined && resource !== undefined && audience !== resource) {
    throw new UsageError('--audience and --resource name one target: give them the same value');
  }
  const targetParameters: TargetParameter[] = [];
  if (audience !== undefined) targetParameters.push('audience');
  if (resource !== undefined) targetParameters.push('resource');
  return {
    audience: required(audience ?? resource, '--audience (or --resource)'),
    targetParameters,
    checkTokenAudience: !values['no-audience-check'],
    tokenEndpoint: values.endpoint ?? env[ENV.endpoint] ?? DEFAULT_TOKEN_ENDPOINT,
    clientId: required(
      values['client-id'] ?? env[ENV.clientId],
      `--client-id (or ${ENV.clientId})`,
    ),
    clientSecret: required(
      values['client-secret'] ?? env[ENV.clientSecret],
      `--client-secret (or ${ENV.clientSecret})`,
    ),
    clientAuthentication: values.basic ? 'client_secret_basic' : 'client_secret_post',
    decode: values.decode,
  };
}
