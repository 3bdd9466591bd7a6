import { type IdentityName, type IdentityReport } from '@cern-sso/demo-scenario';
import { type IdentityOutcome } from './run-identities.js';

/** One line per identity: its groups and the roles they give it in the target, or the refusal. */
export function formatIdentityReports(outcomes: Record<IdentityName, IdentityOutcome>): string {
  const width = Math.max(...Object.keys(outcomes).map((name) => name.length));
  const lines = ['Who each identity is (GET /me, asked of the Authorization Service API):'];
  for (const [name, outcome] of Object.entries(outcomes)) {
    const text =
      'report' in outcome ? describeReport(outcome.report) : `${outcome.status} ${outcome.reason}`;
    lines.push(`  ${name.padEnd(width)}  ${text}`);
  }
  return lines.join('\n');
}

/** "groups a, b; roles in target-api: reader (via a), writer (via b)". */
export function describeReport(report: IdentityReport): string {
  const held = report.roles
    .filter((role) => role.held)
    .map((role) => `${role.name} (via ${role.via.join(', ')})`);
  return `groups ${report.groups.join(', ') || 'none'}; roles in ${report.application}: ${held.join(', ') || 'none'}`;
}
