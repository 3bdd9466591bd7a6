import { EXPECTED, NEEDS, SCENARIO_ROUTES, type IdentityName } from '@cern-sso/demo-scenario';
import { type Observed } from './run-matrix.js';

/** The matrix as text: one row per identity, status per route (with ✗ where unexpected), then why. */
export function formatMatrix(observed: Observed): string {
  const identities = Object.keys(observed) as IdentityName[];
  const first = Math.max(...identities.map((name) => name.length), 'identity'.length);
  const widths = SCENARIO_ROUTES.map((route) => Math.max(route.length, NEEDS[route].length));
  const header = [
    'identity'.padEnd(first),
    ...SCENARIO_ROUTES.map((route, i) => route.padEnd(widths[i]!)),
  ].join(' | ');
  const needs = [
    ''.padEnd(first),
    ...SCENARIO_ROUTES.map((route, i) => NEEDS[route].padEnd(widths[i]!)),
  ].join(' | ');
  const lines = [header, needs, '-'.repeat(header.length)];
  for (const identity of identities) {
    const cells = SCENARIO_ROUTES.map((route, i) => {
      const { status } = observed[identity][route];
      const mark =
        status === EXPECTED[identity][route] ? '' : ` ✗ want ${EXPECTED[identity][route]}`;
      return `${status}${mark}`.padEnd(widths[i]!);
    });
    lines.push([identity.padEnd(first), ...cells].join(' | '));
  }
  lines.push('', 'Why (the reason target-api gave):');
  for (const identity of identities) {
    const refusals = SCENARIO_ROUTES.map((route) => observed[identity][route]).filter(
      (o) => o.reason !== 'allowed',
    );
    const reasons = [...new Set(refusals.map((o) => `${o.status} ${o.reason}`))];
    lines.push(`  ${identity}: ${reasons.length > 0 ? reasons.join('; ') : 'every call allowed'}`);
  }
  return lines.join('\n');
}
