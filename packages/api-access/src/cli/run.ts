import { decodeJwt, decodeProtectedHeader } from 'jose';
import { ApiAccessError, InvalidOptionError, TokenClient } from '../client/index.js';
import { USAGE, UsageError, parseTokenCommand } from './token-command.js';

/** Where the command writes; the process streams in the bin, buffers in tests. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
}

/**
 * Runs `api-access <argv>` and resolves with the exit code: 0 success, 1 the SSO refused or was
 * unreachable, 2 a usage error (bad flag, missing credential, bad endpoint URL). `matrix ...` is
 * the permission-matrix command (matrix-command.ts).
 */
export async function run(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
): Promise<number> {
  if (argv[0] === 'matrix') {
    // Loaded on demand: `api-access token` need not compile the matrix schema.
    const { runMatrixCommand } = await import('./matrix-command.js');
    return runMatrixCommand(argv.slice(1), env, io);
  }
  try {
    const command = parseTokenCommand(argv, env);
    if (command === 'help') {
      io.stdout.write(USAGE);
      return 0;
    }
    const { audience, decode, ...options } = command;
    const token = await new TokenClient(options).getToken(audience);
    io.stdout.write(`${decode ? decoded(token) : token}\n`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || error instanceof InvalidOptionError) {
      io.stderr.write(`api-access: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    // Token errors say what the SSO answered; their messages never hold the secret.
    const detail =
      error instanceof ApiAccessError ? `${error.message} [${error.code}]` : String(error);
    io.stderr.write(`api-access: ${detail}\n`);
    return 1;
  }
}

/** The token's protected header and claims, as pretty JSON; the signature is not checked. */
function decoded(token: string): string {
  return JSON.stringify(
    { header: decodeProtectedHeader(token), claims: decodeJwt(token) },
    null,
    2,
  );
}
