import { NotDone, callTarget, tokenFor, tokenFromEnvironment, verifyToken } from './lib.mjs';

export const title = 'Read the claims: who may read the audit trail?';

/** The demo applications a participant can get a token for. */
const CANDIDATES = ['caller', 'ops-bot', 'auditor-bot', 'stranger'];
const NEEDED = ['reader', 'auditor'];

export async function check() {
  const token = tokenFromEnvironment(
    'Find the application whose token lets it call GET /reports/audit, and export its token as TOKEN.',
  );
  const { claims } = await verifyToken(token);
  const roles = Array.isArray(claims.cern_roles) ? claims.cern_roles : [];
  const missing = NEEDED.filter((role) => !roles.includes(role));
  if (missing.length > 0) {
    throw new NotDone(
      `TOKEN belongs to "${claims.azp}", whose cern_roles ${JSON.stringify(roles)} lack ${missing.join(' and ')}: GET /reports/audit needs both reader and auditor. Decode the other applications' tokens (--decode) and compare their cern_roles.`,
    );
  }
  const audit = await callTarget('/reports/audit', token);
  if (audit.status !== 200)
    throw new NotDone(
      `target-api answers ${audit.status} on GET /reports/audit with TOKEN: ${audit.text}`,
    );
  // The answer must also be the only one: every other candidate is refused, by role.
  for (const other of CANDIDATES.filter((id) => id !== claims.azp)) {
    const { token: theirs } = await tokenFor(other);
    const refused = await callTarget('/reports/audit', theirs);
    if (refused.status !== 403)
      throw new NotDone(
        `"${other}" also gets ${refused.status} on GET /reports/audit: has the registry changed?`,
      );
  }
  return `"${claims.azp}" holds ${JSON.stringify(roles)} in target-api (the cern_roles claim), so GET /reports/audit answers 200; the others get 403.`;
}
