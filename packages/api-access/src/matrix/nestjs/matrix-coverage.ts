import type { Matrix, MatrixIdentity } from '../matrix.js';
import { guardOutcome } from './guard-outcome.js';
import type { NestRoute } from './nest-routes.js';

/** What the code says that the matrix does not, or says otherwise. */
export type CoverageFinding =
  | { readonly kind: 'missing-route'; readonly route: string; readonly message: string }
  | { readonly kind: 'unguarded-route'; readonly route: string; readonly message: string }
  | {
      readonly kind: 'contradiction';
      readonly route: string;
      readonly identity: string;
      readonly expected: number;
      readonly message: string;
    };

/**
 * Compares a matrix with the app's routes (listNestRoutes): every guarded route the matrix does
 * not call, every route that is neither `@Public()` nor restricted by role or caller (any valid
 * token passes), and every expected status the declared requirements contradict, for the
 * identities whose roles the file states (`roles`, `token: none`).
 */
export function matrixCoverage(matrix: Matrix, routes: readonly NestRoute[]): CoverageFinding[] {
  const findings: CoverageFinding[] = [];
  const byShape = new Map(matrix.routes.map((route) => [shape(route.name), route.name]));
  for (const route of routes) {
    const restricted = route.anyRoles || route.allRoles || route.callers;
    if (!route.isPublic && !restricted) {
      findings.push({
        kind: 'unguarded-route',
        route: route.name,
        message: `${route.name} is neither @Public() nor restricted by @Roles, @RequireAllRoles or @AllowedCallers: any valid token for the audience passes`,
      });
    }
    const matrixName = byShape.get(shape(route.name));
    if (matrixName === undefined) {
      if (!route.isPublic) {
        findings.push({
          kind: 'missing-route',
          route: route.name,
          message: `${route.name} is guarded but not in the matrix`,
        });
      }
      continue;
    }
    for (const cell of matrix.cells) {
      if (cell.route.name !== matrixName) continue;
      const predicted = predict(route, cell.identity, matrix.audience);
      if (predicted === undefined || agrees(predicted, cell.expected)) continue;
      findings.push({
        kind: 'contradiction',
        route: matrixName,
        identity: cell.identity.name,
        expected: cell.expected,
        message: `${cell.identity.name} ${matrixName}: expected ${cell.expected}, but the route's declared requirements ${predicted === 'passes' ? 'let it through' : `refuse it with ${predicted}`}`,
      });
    }
  }
  return findings;
}

// Undefined when the file does not say what the identity holds (a registered application).
function predict(
  route: NestRoute,
  identity: MatrixIdentity,
  audience: string,
): 'passes' | 401 | 403 | undefined {
  if (identity.kind === 'application') return undefined;
  if (identity.kind === 'roles' && identity.audience !== audience && !route.isPublic) return 401;
  return guardOutcome(route, identity.kind === 'roles' ? identity.roles : undefined);
}

// A route that passes the guard may still answer 404 or 400; one refused answers exactly that.
function agrees(predicted: 'passes' | 401 | 403, expected: number): boolean {
  return predicted === 'passes' ? expected !== 401 && expected !== 403 : predicted === expected;
}

// `DELETE /reports/{id}` and `DELETE /reports/{reportId}` are one route.
function shape(name: string): string {
  return name.replace(/\{[^}]*\}/g, '{}');
}
