import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';
import type { DocumentPath, SourceMap } from './source-map.js';
import type { MatrixFileProblem } from './matrix-errors.js';

/** The JSON Schema of matrix files, shipped as `@cern-sso/api-access/matrix/schema.json`. */
export const matrixSchema: Readonly<Record<string, unknown>> = JSON.parse(
  readFileSync(new URL('./matrix.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(
  matrixSchema,
);

/** Every way `value` breaks the schema, each at its place in the file. */
export function schemaProblems(value: unknown, source: SourceMap): MatrixFileProblem[] {
  if (validate(value)) return [];
  // propertyNames repeats, without the name, what its nested error says.
  const errors = relevant(validate.errors ?? [], value).filter(
    (e) => e.keyword !== 'propertyNames',
  );
  return errors.map((error) => {
    const path = pathOf(error.instancePath);
    if (error.keyword === 'additionalProperties') {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      return source.problem([...path, key], `unknown key "${key}"`, 'key');
    }
    if (error.propertyName !== undefined) {
      const name = error.propertyName;
      const rule =
        path[0] === 'routes'
          ? routeRule(name)
          : `bad name ${JSON.stringify(name)}: ${message(error, value)}`;
      return source.problem([...path, name], rule, 'key');
    }
    return source.problem(path, message(error, value));
  });
}

// The identity and route alternatives (`oneOf`) are told apart by their shape, so a user sees the
// problems of the alternative they meant, not those of all three.
const BRANCH_OF = {
  identity: (v: Record<string, unknown>) =>
    'clientId' in v || 'secretEnv' in v ? 0 : 'roles' in v ? 1 : 'token' in v ? 2 : undefined,
  route: (v: unknown) => (typeof v === 'string' ? 0 : 1),
};

function relevant(errors: ErrorObject[], root: unknown): ErrorObject[] {
  const chosen = new Map<string, string | undefined>(); // oneOf schemaPath@instancePath -> branch prefix
  for (const error of errors) {
    if (error.keyword !== 'oneOf') continue;
    const value = valueAt(root, pathOf(error.instancePath));
    const branch = error.schemaPath.includes('/identities/')
      ? typeof value === 'object' && value !== null && !Array.isArray(value)
        ? BRANCH_OF.identity(value as Record<string, unknown>)
        : undefined
      : BRANCH_OF.route(value);
    chosen.set(
      `${error.schemaPath}@${error.instancePath}`,
      branch === undefined ? undefined : `${error.schemaPath}/${branch}/`,
    );
  }
  return errors.filter((error) => {
    for (const [key, prefix] of chosen) {
      const [schemaPath, instancePath] = key.split('@') as [string, string];
      const inside =
        error.instancePath.startsWith(instancePath) &&
        error.schemaPath.startsWith(`${schemaPath}/`);
      if (error.keyword === 'oneOf' && error.schemaPath === schemaPath) return prefix === undefined;
      if (inside) return prefix !== undefined && error.schemaPath.startsWith(prefix);
    }
    return true;
  });
}

function message(error: ErrorObject, root: unknown): string {
  const value = valueAt(root, pathOf(error.instancePath));
  const got = ` got ${JSON.stringify(value)}`;
  switch (error.keyword) {
    case 'required':
      return `missing "${(error.params as { missingProperty: string }).missingProperty}"`;
    case 'oneOf':
      return error.schemaPath.includes('/identities/')
        ? `expected { clientId, secretEnv }, { roles: [...] } or { token: none },${got}`
        : `expected "METHOD /path" or { "METHOD /path": { params, query, headers, body } },${got}`;
    case 'pattern':
      if (error.instancePath.startsWith('/routes/')) return routeRule(value);
      return `expected a name matching ${(error.params as { pattern: string }).pattern}`;
    case 'minimum':
    case 'maximum':
    case 'type':
      if (error.instancePath.startsWith('/expect/') && pathOf(error.instancePath).length === 3) {
        return `invalid status ${JSON.stringify(value)}: expected an HTTP status, an integer from 100 to 599`;
      }
      return `${error.message ?? 'invalid'},${got}`;
    case 'const':
      return `expected ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)},${got}`;
    default:
      return `${error.message ?? 'invalid'}`;
  }
}

function routeRule(route: unknown): string {
  const methods = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
  return `bad route ${JSON.stringify(route)}: expected "METHOD /path", METHOD one of ${methods}`;
}

function pathOf(instancePath: string): DocumentPath {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(root: unknown, path: DocumentPath): unknown {
  let value = root;
  for (const part of path) value = (value as Record<string | number, unknown> | undefined)?.[part];
  return value;
}
