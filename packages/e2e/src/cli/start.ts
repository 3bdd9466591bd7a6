#!/usr/bin/env node
// `pnpm start`: run the emulator, target-api and caller on their default ports until Ctrl-C.
import { startStack } from '../stack/stack.js';

const ports = {
  sso: Number(process.env.SSO_PORT ?? 8080),
  target: Number(process.env.TARGET_PORT ?? 3001),
  caller: Number(process.env.CALLER_PORT ?? 3000),
};
// The portal's admin actions (key rotation) need the admin secret: yours, or a fresh one shown below.
const sso: Record<string, string> = process.env.SSO_ADMIN_SECRET
  ? { SSO_ADMIN_SECRET: process.env.SSO_ADMIN_SECRET }
  : {};
const stack = await startStack({ ports, env: { sso } }).catch((error: unknown) => {
  console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
  console.error('Is a port taken? Set SSO_PORT, TARGET_PORT or CALLER_PORT.');
  process.exit(1);
});

console.log(`
  SSO emulator  ${stack.sso.url}   issuer ${stack.issuer}
                portal ${stack.sso.url}/   admin secret ${stack.adminSecret}
  target-api    ${stack.target.url}   Swagger UI ${stack.target.url}/docs
  caller        ${stack.caller.url}   demo POST ${stack.caller.url}/demo

  Try:  curl -X POST ${stack.caller.url}/demo
        curl ${stack.caller.url}/me     (who the caller is, per the Authorization Service API at ${stack.authzApiUrl})
  Ctrl-C stops all three.
`);

let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
// If one service dies, say so and take the others down rather than half-running.
const watch = setInterval(() => {
  const dead = [stack.sso, stack.target, stack.caller].find((service) => !service.running);
  if (dead) {
    clearInterval(watch);
    console.error(`${dead.spec.name} stopped unexpectedly:\n${dead.tail()}`);
    void stop(1);
  }
}, 1000);
