#!/usr/bin/env node
// The workshop's stack: `pnpm start`'s three services, with an admin secret you know so that the
// portal can rotate keys. Build first (`pnpm build`); Ctrl-C stops all three.
import process from 'node:process';
import { forPeople, runUntilStopped } from '@cern-sso/stack';

export const ADMIN_SECRET = 'workshop-admin-secret';

await runUntilStopped({
  // The ports the exercises use; SSO_PORT, TARGET_PORT and CALLER_PORT move them, as for `pnpm start`.
  ports: {
    sso: Number(process.env.SSO_PORT ?? 8080),
    target: Number(process.env.TARGET_PORT ?? 3001),
    caller: Number(process.env.CALLER_PORT ?? 3000),
  },
  env: { sso: { SSO_ADMIN_SECRET: ADMIN_SECRET } },
  startFailureHint: 'Did you run `pnpm build`? Is `pnpm start` still running on the same ports?',
  banner: (stack) => {
    const [sso, target, caller] = [stack.sso, stack.target, stack.caller].map((service) =>
      forPeople(service.url),
    );
    return `
  portal        ${sso}/   admin secret ${ADMIN_SECRET}
  SSO emulator  issuer ${stack.issuer}
  target-api    ${target}
  caller        ${caller}   demo POST ${caller}/demo

  Check an exercise:  node docs/workshop/check.mjs <n>
  Ctrl-C stops all three.
`;
  },
});
