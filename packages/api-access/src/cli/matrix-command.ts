import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { ApiAccessError } from '../errors/api-access-error.js';
import {
  formatTable,
  loadMatrix,
  MatrixFileError,
  MatrixSetupError,
  runMatrix,
  toJsonReport,
  toJUnitXml,
} from '../matrix/index.js';
import type { CliIo } from './run.js';

export const MATRIX_USAGE = `Usage: api-access matrix run <file> [--junit <path>] [--json]
       api-access matrix init --module <file.js> --audience <client id> [options]

Gets a token for every identity of the permission matrix <file> (YAML, docs/permission-matrix.md),
calls every route as every identity, and compares each status with the expected one.

Options of run:
  --junit <path>   also write JUnit XML to <path> (one testcase per cell)
  --json           print the JSON report instead of the table

init boots a NestJS app's root module (compiled, not listening) and writes a first matrix from
its routes and their @Roles, @RequireAllRoles, @AllowedCallers and @Public. Options of init:
  --module <file>  the compiled file exporting the root module
  --export <name>  its export name (default AppModule)
  --audience <id>  the API's client id
  --prefix <p>     the app's global prefix, if it sets one
  --out <file>     write there (never over an existing file) instead of printing

  -h, --help       show this help

Exit codes: 0 every cell as expected, 1 a cell differs or a token could not be obtained,
2 usage error, a bad matrix file, or an environment it cannot run in (nothing was called).
`;

/** `api-access matrix ...`: resolves with the exit code. */
export async function runMatrixCommand(
  argv: string[],
  env: Record<string, string | undefined>,
  io: CliIo,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        junit: { type: 'string' },
        json: { type: 'boolean', default: false },
        module: { type: 'string' },
        export: { type: 'string', default: 'AppModule' },
        audience: { type: 'string' },
        prefix: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return usage(io, String((error as { message?: unknown }).message ?? error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(MATRIX_USAGE);
    return 0;
  }
  const [action, file, ...rest] = positionals;
  if (action === 'init' && file === undefined) {
    if (values.module === undefined || values.audience === undefined) {
      return usage(io, 'matrix init needs --module <file> and --audience <client id>');
    }
    try {
      // Loaded only here: it needs @nestjs/core, an optional peer that `matrix run` does not.
      const { writeInitialMatrix } = await import('./matrix-init.js');
      const text = await writeInitialMatrix({
        module: values.module,
        exportName: values.export,
        audience: values.audience,
        globalPrefix: values.prefix,
        out: values.out,
      });
      io.stdout.write(values.out === undefined ? text : `wrote ${values.out}\n`);
      return 0;
    } catch (error) {
      io.stderr.write(`api-access: matrix init: ${(error as Error).message}\n`);
      return 2;
    }
  }
  if (action !== 'run' || file === undefined || rest.length > 0) {
    return usage(
      io,
      `expected "matrix run <file>" or "matrix init", got "${['matrix', ...positionals].join(' ')}"`,
    );
  }
  try {
    const matrix = await loadMatrix(file, { env });
    const result = await runMatrix(matrix, { env });
    if (values.junit !== undefined) await writeFile(values.junit, toJUnitXml(result));
    io.stdout.write(
      values.json ? `${JSON.stringify(toJsonReport(result), null, 2)}\n` : formatTable(result),
    );
    return result.passed ? 0 : 1;
  } catch (error) {
    if (error instanceof MatrixFileError || error instanceof MatrixSetupError) {
      io.stderr.write(`api-access: ${error.message} [${error.code}]\n`);
      return 2;
    }
    // Token errors say what the SSO answered; their messages never hold a secret.
    const detail =
      error instanceof ApiAccessError ? `${error.message} [${error.code}]` : String(error);
    io.stderr.write(`api-access: ${detail}\n`);
    return 1;
  }
}

function usage(io: CliIo, problem: string): number {
  io.stderr.write(`api-access: ${problem}\n\n${MATRIX_USAGE}`);
  return 2;
}
