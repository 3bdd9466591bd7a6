#!/usr/bin/env node
// The workshop's stack: `pnpm start`'s three services, with an admin secret you know so that the
// portal can rotate keys. Build first (`pnpm build`); Ctrl-C stops all three.
import process from 'node:process';
import { startStack } from '../../packages/e2e/dist/index.js';

export const ADMIN_SECRET = 'workshop-admin-secret';

const stack = await startStack({
  ports: { sso: 8080, target: 3001, caller: 3000 },
  env: { sso: { SSO_ADMIN_SECRET: ADMIN_SECRET } },
}).catch((error) => {
  process.stderr.write(`Could not start the workshop stack: ${error.message}\n`);
  process.stderr.write(
    'Did you run `pnpm build`? Is `pnpm start` still running on the same ports?\n',
  );
  process.exit(1);
});

process.stdout.write(`
  portal        ${stack.sso.url}/   admin secret ${ADMIN_SECRET}
  SSO emulator  issuer ${stack.issuer}
  target-api    ${stack.target.url}
  caller        ${stack.caller.url}   demo POST ${stack.caller.url}/demo

  Check an exercise:  pnpm workshop:check <n>
  Ctrl-C stops all three.
`);

const stop = () => stack.stop().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
