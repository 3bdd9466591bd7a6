import { readFile } from 'node:fs/promises';
import { STATUS_CODES } from 'node:http';
import { LineCounter, parseDocument } from 'yaml';
import { DEFAULT_TOKEN_ENDPOINT, ENV } from '../cli/token-command.js';
import { resolveEnvReferences } from './env-references.js';
import type { Matrix, MatrixIdentity, MatrixRoute, MatrixSso } from './matrix.js';
import { MatrixFileError, type MatrixFileProblem } from './matrix-errors.js';
import { parseRoute, type RouteEntry } from './routes.js';
import { schemaProblems } from './schema-check.js';
import { SourceMap } from './source-map.js';

export interface LoadMatrixOptions {
  /** Where `${VAR}` references and the default token endpoint are read. Default `process.env`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Use this base URL instead of the file's `target` (an API a test started on port 0). */
  target?: string;
}

/** The matrix in `file`, checked whole. @throws {MatrixFileError} listing every problem */
export async function loadMatrix(file: string, options: LoadMatrixOptions = {}): Promise<Matrix> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw MatrixFileError.unreadable(file, error);
  }
  return parseMatrix(text, file, options);
}

/** Like loadMatrix, from text already read; `file` names it in errors. */
export function parseMatrix(text: string, file: string, options: LoadMatrixOptions = {}): Matrix {
  const env = options.env ?? process.env;
  const lines = new LineCounter();
  const document = parseDocument(text, {
    lineCounter: lines,
    uniqueKeys: true,
    prettyErrors: false,
  });
  const fail = (problems: MatrixFileProblem[]) => new MatrixFileError(file, problems);
  if (document.errors.length > 0) {
    throw fail(
      document.errors.map((error) => ({
        line: lines.linePos(error.pos[0]).line,
        column: lines.linePos(error.pos[0]).col,
        message: `not valid YAML: ${error.message.split('\n')[0]}`,
      })),
    );
  }
  if (options.target !== undefined) document.setIn(['target'], options.target);
  const source = new SourceMap(document, lines);
  const unset = resolveEnvReferences(document, env).map(({ path, variable }) =>
    source.problem(
      path,
      `\${${variable}} is not set and has no default (\${${variable}:-default})`,
    ),
  );
  const raw: unknown = document.toJS();
  // A value emptied by an unset variable is reported once, as the variable.
  const emptied = new Set(unset.map((problem) => `${problem.line}:${problem.column}`));
  const shapeProblems = schemaProblems(raw, source).filter(
    (problem) => !emptied.has(`${problem.line}:${problem.column}`),
  );
  if (unset.length > 0 || shapeProblems.length > 0) throw fail([...unset, ...shapeProblems]);
  const parsed = raw as RawMatrix;

  const problems: MatrixFileProblem[] = [];
  const url = (path: (string | number)[], value: string) => {
    if (!/^https?:\/\/[^/]/.test(value) || !URL.canParse(value)) {
      problems.push(source.problem(path, `expected an http(s) URL, got ${JSON.stringify(value)}`));
    }
  };
  url(['target'], parsed.target);
  const sso = ssoOf(parsed, env);
  if (parsed.sso?.tokenEndpoint !== undefined) url(['sso', 'tokenEndpoint'], sso.tokenEndpoint);
  if (parsed.sso?.emulator?.adminUrl !== undefined && sso.emulator)
    url(['sso', 'emulator', 'adminUrl'], sso.emulator.adminUrl);

  const routes: MatrixRoute[] = [];
  parsed.routes.forEach((entry, index) => {
    const result = parseRoute(entry);
    if ('problems' in result)
      problems.push(...result.problems.map((p) => source.problem(['routes', index], p)));
    else if (routes.some((route) => route.name === result.route.name)) {
      problems.push(source.problem(['routes', index], `${result.route.name} is listed twice`));
    } else routes.push(result.route);
  });

  const identities = Object.entries(parsed.identities).map(([name, fields]) =>
    identityOf(name, fields, parsed.audience),
  );
  for (const identity of identities) {
    if (!(identity.name in parsed.expect)) {
      problems.push(
        source.problem(
          ['identities', identity.name],
          `identity "${identity.name}" has no row in expect`,
          'key',
        ),
      );
    }
  }
  for (const [name, row] of Object.entries(parsed.expect)) {
    if (!(name in parsed.identities)) {
      const known = Object.keys(parsed.identities).join(', ');
      problems.push(
        source.problem(
          ['expect', name],
          `unknown identity "${name}" (identities: ${known})`,
          'key',
        ),
      );
      continue;
    }
    if (row.length !== parsed.routes.length) {
      problems.push(
        source.problem(
          ['expect', name],
          `${row.length} statuses for ${parsed.routes.length} routes`,
        ),
      );
    }
    row.forEach((status, index) => {
      if (STATUS_CODES[status] === undefined) {
        problems.push(source.problem(['expect', name, index], `unknown HTTP status ${status}`));
      }
    });
  }
  if (problems.length > 0) throw fail(problems);

  return {
    file,
    target: parsed.target.replace(/\/+$/, ''),
    audience: parsed.audience,
    sso,
    identities,
    routes,
    cells: identities.flatMap((identity) =>
      routes.map((route, index) => ({
        identity,
        route,
        expected: parsed.expect[identity.name]![index]!,
      })),
    ),
  };
}

interface RawMatrix {
  target: string;
  audience: string;
  sso?: { tokenEndpoint?: string; emulator?: { adminUrl?: string; adminSecretEnv?: string } };
  identities: Record<string, RawIdentity>;
  routes: RouteEntry[];
  expect: Record<string, number[]>;
}

type RawIdentity =
  | { clientId: string; secretEnv: string; audience?: string }
  | { roles: string[]; audience?: string }
  | { token: 'none' };

// Without `sso.tokenEndpoint`, the one the `api-access token` command uses: its environment
// variable, else the local emulator's.
function ssoOf(parsed: RawMatrix, env: Readonly<Record<string, string | undefined>>): MatrixSso {
  const tokenEndpoint = parsed.sso?.tokenEndpoint ?? env[ENV.endpoint] ?? DEFAULT_TOKEN_ENDPOINT;
  const emulator = parsed.sso?.emulator;
  if (emulator === undefined) return { tokenEndpoint };
  return {
    tokenEndpoint,
    emulator: {
      adminUrl: (emulator.adminUrl ?? adminUrlFor(tokenEndpoint)).replace(/\/+$/, ''),
      adminSecretEnv: emulator.adminSecretEnv ?? 'SSO_ADMIN_SECRET',
    },
  };
}

// The emulator serves its admin API at the root of the host that serves its realms.
function adminUrlFor(tokenEndpoint: string): string {
  return URL.canParse(tokenEndpoint) ? new URL('/admin', tokenEndpoint).href : tokenEndpoint;
}

function identityOf(name: string, fields: RawIdentity, audience: string): MatrixIdentity {
  if ('token' in fields) return { kind: 'none', name };
  if ('roles' in fields)
    return { kind: 'roles', name, roles: fields.roles, audience: fields.audience ?? audience };
  return {
    kind: 'application',
    name,
    clientId: fields.clientId,
    secretEnv: fields.secretEnv,
    audience: fields.audience ?? audience,
  };
}
