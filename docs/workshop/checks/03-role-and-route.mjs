import { NotDone, callTarget, decode, tokenFor } from './lib.mjs';

export const title = 'Add a role and a route';

export async function check() {
  const { token: opsBot } = await tokenFor('ops-bot');
  const roles = decode(opsBot).claims.cern_roles ?? [];
  if (!roles.includes('analyst')) {
    throw new NotDone(
      `ops-bot's token for target-api carries ${JSON.stringify(roles)}, no "analyst". Define the role analyst on target-api in apps/sso-emulator/registry.yaml, assign it to a new group target-api-analysts with member ops-bot, then restart the stack.`,
    );
  }
  const allowed = await callTarget('/reports/stats', opsBot);
  if (allowed.status === 404) {
    throw new NotDone(
      "target-api has no GET /reports/stats yet (404). Add the route with @Roles('analyst'), then restart the stack (it rebuilds).",
    );
  }
  if (allowed.status !== 200)
    throw new NotDone(
      `GET /reports/stats answers ${allowed.status} to ops-bot (an analyst): ${allowed.text}`,
    );
  if (typeof allowed.json?.count !== 'number')
    throw new NotDone(
      `GET /reports/stats should answer { "count": <number of reports> }; it answered ${allowed.text}`,
    );
  const { token: caller } = await tokenFor('caller');
  const refused = await callTarget('/reports/stats', caller);
  const challenge = refused.headers.get('www-authenticate') ?? '';
  if (refused.status !== 403 || !challenge.includes('scope="analyst"')) {
    throw new NotDone(
      `GET /reports/stats must refuse caller (no analyst role) with 403 and scope="analyst"; it answered ${refused.status} ${challenge}. Is the route guarded by @Roles('analyst') alone?`,
    );
  }
  const anonymous = await callTarget('/reports/stats');
  if (anonymous.status !== 401)
    throw new NotDone(
      `GET /reports/stats must refuse a request without a token (401); it answered ${anonymous.status}. Remove any @Public().`,
    );
  return `GET /reports/stats: 200 for ops-bot (analyst), 403 for caller (${challenge}), 401 without a token.`;
}
