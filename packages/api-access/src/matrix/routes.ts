import type { MatrixRoute } from './matrix.js';

/** A route entry as the schema allows it: `"GET /x"` or `{ "GET /x/{id}": { params, ... } }`. */
export type RouteEntry = string | Record<string, RouteOptions>;

interface RouteOptions {
  params?: Record<string, string | number>;
  query?: Record<string, string | number | boolean>;
  headers?: Record<string, string>;
  body?: unknown;
}

const PARAMETER = /\{([^{}/]+)\}/g;

/**
 * The route to call, or the problems with it: a `{param}` without a value, a value for no
 * `{param}`, or a header the kit sets itself (Authorization belongs to the identity).
 */
export function parseRoute(entry: RouteEntry): { route: MatrixRoute } | { problems: string[] } {
  const [name, options = {}] =
    typeof entry === 'string' ? [entry, {}] : (Object.entries(entry)[0] as [string, RouteOptions]);
  const [method, template] = name.split(' ') as [string, string];
  const problems: string[] = [];
  const params = options.params ?? {};
  const used = new Set<string>();
  const path = template.replace(PARAMETER, (_, param: string) => {
    used.add(param);
    const value = params[param];
    if (value === undefined) {
      problems.push(`${name}: {${param}} has no value: add params: { ${param}: ... }`);
      return `{${param}}`;
    }
    return encodeURIComponent(String(value));
  });
  for (const param of Object.keys(params)) {
    if (!used.has(param)) problems.push(`${name}: params.${param} names no {${param}} in the path`);
  }
  const headers = options.headers ?? {};
  if (Object.keys(headers).some((header) => header.toLowerCase() === 'authorization')) {
    problems.push(`${name}: headers.Authorization is set by each identity, not by the route`);
  }
  if (problems.length > 0) return { problems };
  const query = new URLSearchParams(
    Object.entries(options.query ?? {}).map(([key, value]): [string, string] => [
      key,
      String(value),
    ]),
  ).toString();
  return {
    route: {
      name,
      method,
      path: query ? `${path}${path.includes('?') ? '&' : '?'}${query}` : path,
      headers,
      ...('body' in options ? { body: options.body } : {}),
    },
  };
}
