import { NotDone, callTarget, tokenFromEnvironment, verifyToken } from './lib.mjs';

export const title = 'Call the target with a token from the CLI';

export async function check() {
  const token = tokenFromEnvironment(
    'Get one with the CLI and export it: export TOKEN=$(API_ACCESS_CLIENT_ID=caller API_ACCESS_CLIENT_SECRET=caller-secret pnpm --silent api-access token --audience target-api)',
  );
  const { claims } = await verifyToken(token);
  if (claims.azp !== 'caller')
    throw new NotDone(
      `TOKEN was issued to "${claims.azp}"; this exercise uses the demo caller ("caller")`,
    );
  const whoami = await callTarget('/whoami', token);
  if (whoami.status !== 200)
    throw new NotDone(
      `target-api answers ${whoami.status} on GET /whoami with TOKEN: ${whoami.text}`,
    );
  const reports = await callTarget('/reports', token);
  if (reports.status !== 200)
    throw new NotDone(
      `target-api answers ${reports.status} on GET /reports with TOKEN: ${reports.text}`,
    );
  return `target-api accepts TOKEN: it sees caller "${whoami.json.clientId}" with roles ${JSON.stringify(whoami.json.roles)}.`;
}
