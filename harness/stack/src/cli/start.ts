#!/usr/bin/env node
// `pnpm start`: run the emulator, target-api and caller on their default ports until Ctrl-C.
import { forPeople, runUntilStopped } from '../run-until-stopped.js';

// The portal's admin actions (key rotation) need the admin secret: yours, or a fresh one shown below.
const sso: Record<string, string> = process.env.SSO_ADMIN_SECRET
  ? { SSO_ADMIN_SECRET: process.env.SSO_ADMIN_SECRET }
  : {};

await runUntilStopped({
  ports: {
    sso: Number(process.env.SSO_PORT ?? 8080),
    target: Number(process.env.TARGET_PORT ?? 3001),
    caller: Number(process.env.CALLER_PORT ?? 3000),
  },
  env: { sso },
  startFailureHint: 'Is a port taken? Set SSO_PORT, TARGET_PORT or CALLER_PORT.',
  banner: (stack) => {
    const [sso, target, caller] = [stack.sso, stack.target, stack.caller].map((s) =>
      forPeople(s.url),
    );
    return `
  SSO emulator  ${sso}   issuer ${stack.issuer}
                portal ${sso}/   admin secret ${stack.adminSecret}
  target-api    ${target}   Swagger UI ${target}/docs
  caller        ${caller}   demo POST ${caller}/demo

  Try:  curl -X POST ${caller}/demo
        curl ${caller}/me     (who the caller is, per the Authorization Service API at ${stack.authzApiUrl})
  Ctrl-C stops all three. (If pnpm then adds "Command failed", that line is pnpm's and harmless.)
`;
  },
});
