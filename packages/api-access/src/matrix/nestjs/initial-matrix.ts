import { guardOutcome } from './guard-outcome.js';
import type { NestRoute } from './nest-routes.js';

export interface InitialMatrixOptions {
  /** Base URL of the API. Default `${TARGET_URL:-http://localhost:3000}`. */
  target?: string;
  /** The API's client id. */
  audience: string;
}

/**
 * A first permission matrix for an app's routes (listNestRoutes): one identity per role the
 * routes name, plus `no-token`, and the statuses the decorators predict. A route the guard lets
 * through is written 200; the file says to adjust those to what the handler answers (201, 204...).
 */
export function initialMatrix(routes: readonly NestRoute[], options: InitialMatrixOptions): string {
  const roles = [
    ...new Set(routes.flatMap((r) => [...(r.anyRoles ?? []), ...(r.allRoles ?? [])])),
  ].sort();
  const identities = [
    ...roles.map((role) => ({ name: `${role}-app`, roles: [role] as readonly string[] })),
    { name: 'no-token', roles: undefined },
  ];
  const width = Math.max(...identities.map((identity) => identity.name.length)) + 1;
  const rows = identities.map((identity) => {
    const statuses = routes.map((route) => {
      const outcome = guardOutcome(route, identity.roles);
      return outcome === 'passes' ? '200' : String(outcome);
    });
    return `  ${`${identity.name}:`.padEnd(width)} [${statuses.join(', ')}]`;
  });
  return [
    '# yaml-language-server: $schema=./node_modules/@cern-sso/api-access/dist/matrix/matrix.schema.json',
    '# Written by `api-access matrix init` from the routes and their @Roles, @RequireAllRoles,',
    '# @AllowedCallers and @Public. 200 means "the guard lets it through": write what the handler',
    '# answers (201, 204, 404...), give each {param} a value, and add your registered applications.',
    `target: ${options.target ?? '${TARGET_URL:-http://localhost:3000}'}`,
    `audience: ${options.audience}`,
    'identities:',
    ...identities.map((identity) =>
      identity.roles
        ? `  ${`${identity.name}:`.padEnd(width)} { roles: [${identity.roles.join(', ')}] }`
        : `  ${`${identity.name}:`.padEnd(width)} { token: none }`,
    ),
    'routes:',
    ...routes.map((route) => {
      const params = [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => `${name}: 1`);
      return params.length > 0
        ? `  - ${route.name}: { params: { ${params.join(', ')} } }`
        : `  - ${route.name}`;
    }),
    'expect:',
    `  # ${routes.map((route) => route.name).join(' | ')}`,
    ...rows,
    '',
  ].join('\n');
}
