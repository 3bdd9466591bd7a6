#!/usr/bin/env node
// CI's proof that the workshop works: every check fails before its exercise is done and passes
// on its solution. Runs the built services as processes on free ports; the solutions that change
// files are applied to a copy of target-api and the registry in a temporary folder, never here.
// Usage (after `pnpm build`): node workshop-solutions/selftest.mjs
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL, URLSearchParams, fileURLToPath } from 'node:url';
import { applySolution } from './apply.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_SECRET = 'selftest-admin-secret';
const READY_TIMEOUT_MS = 60_000;
const say = (line) => process.stdout.write(`${line}\n`);

/** One built service as a process; resolves once it logs `ready at <url>`. */
function start(name, main, env) {
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NO_COLOR: '1', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`not ready after ${READY_TIMEOUT_MS} ms`),
      READY_TIMEOUT_MS,
    );
    const fail = (why) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${name} ${why}:\n${output}`));
    };
    child.on('exit', (code) => fail(`exited (${code})`));
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        const ready = /ready at (http:\/\/[^\s"]+)/.exec(output); // plain text or a JSON log line
        if (!ready) return;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ url: ready[1], stop: () => child.kill() });
      });
    }
  });
}

/** Emulator, target-api and caller wired together, as `node docs/workshop/stack.mjs` does. */
async function startStack(root, targetMain) {
  const sso = await start('sso-emulator', join(repo, 'apps/sso-emulator/dist/main.js'), {
    SSO_ADMIN_SECRET: ADMIN_SECRET,
    SSO_REGISTRY: join(root, 'apps/sso-emulator/registry.yaml'),
  });
  const issuer = `http://localhost:${new URL(sso.url).port}/auth/realms/cern`;
  const target = await start('target-api', targetMain, { SSO_ISSUER: issuer });
  const caller = await start('caller', join(repo, 'apps/caller/dist/main.js'), {
    SSO_TOKEN_ENDPOINT: `${issuer}/api-access/token`,
    TARGET_API_URL: target.url,
  });
  return {
    sso,
    caller,
    env: {
      WORKSHOP_ROOT: root,
      WORKSHOP_SSO_URL: sso.url,
      WORKSHOP_TARGET_URL: target.url,
      WORKSHOP_CALLER_URL: caller.url,
    },
    stop: () => [caller, target, sso].forEach((service) => service.stop()),
  };
}

/** Runs `check.mjs <n>` as a participant would and insists on its exit status. */
function expectCheck(number, stack, expected, why, token = '') {
  const run = spawnSync(process.execPath, [join(repo, 'docs/workshop/check.mjs'), String(number)], {
    env: { ...process.env, ...stack.env, TOKEN: token },
    encoding: 'utf8',
  });
  const lines = (run.stdout || run.stderr).trim().split('\n');
  const reason = (lines.length > 1 ? lines.slice(1) : lines).join(' ').trim();
  if (run.status !== expected) {
    throw new Error(
      `check ${number} ${why}: expected exit ${expected}, got ${run.status}\n${run.stdout}${run.stderr}`,
    );
  }
  say(`  ok  check ${number} ${why}: ${reason.slice(0, 150)}`);
}

/** A token from the CLI, exactly as exercise 1 gets it. */
function cliToken(stack, clientId) {
  const run = spawnSync(
    process.execPath,
    [join(repo, 'packages/api-access/dist/cli/api-access.js'), 'token', '--audience', 'target-api'],
    {
      env: {
        ...process.env,
        API_ACCESS_TOKEN_ENDPOINT: `${stack.sso.url}/auth/realms/cern/api-access/token`,
        API_ACCESS_CLIENT_ID: clientId,
        API_ACCESS_CLIENT_SECRET: `${clientId}-secret`,
      },
      encoding: 'utf8',
    },
  );
  if (run.status !== 0) throw new Error(`api-access token for ${clientId} failed: ${run.stderr}`);
  return run.stdout.trim();
}

/** The files the exercises change, copied; dependencies and built code linked, not copied. */
function copyCheckout() {
  const root = mkdtempSync(join(tmpdir(), 'workshop-selftest-'));
  for (const file of [
    'package.json',
    'tsconfig.base.json',
    'jest.config.base.js',
    'jest.preload-jwks-rsa.cjs',
  ])
    cpSync(join(repo, file), join(root, file));
  const copy = (dir, files, links) => {
    mkdirSync(join(root, dir), { recursive: true });
    for (const file of files)
      cpSync(join(repo, dir, file), join(root, dir, file), { recursive: true });
    for (const link of links) symlinkSync(join(repo, dir, link), join(root, dir, link));
  };
  copy(
    'apps/target-api',
    ['src', 'test', 'package.json', 'tsconfig.json', 'tsconfig.build.json', 'jest.config.js'],
    ['node_modules'],
  );
  copy('apps/sso-emulator', ['registry.yaml', 'package.json'], ['node_modules', 'dist']);
  return root;
}

const root = copyCheckout();
let stack;
try {
  say('Before the exercises (the repository as it is):');
  stack = await startStack(root, join(repo, 'apps/target-api/dist/main.js'));
  for (const number of [1, 2, 3, 4, 5, 6]) expectCheck(number, stack, 1, 'fails before it is done');
  expectCheck(1, stack, 1, 'refuses a token of another application', cliToken(stack, 'stranger'));
  expectCheck(2, stack, 1, 'refuses a token without the auditor role', cliToken(stack, 'caller'));
  const token = cliToken(stack, 'caller');
  stack.stop();

  say('With no stack (nothing listens on port 2 of the loopback):');
  const down = 'http://127.0.0.1:2';
  const noStack = {
    env: { WORKSHOP_SSO_URL: down, WORKSHOP_TARGET_URL: down, WORKSHOP_CALLER_URL: down },
  };
  for (const number of [1, 2, 3, 4, 5]) {
    expectCheck(number, noStack, 2, 'says the stack is down, whatever TOKEN holds', token);
  }

  say('With the solutions (applied to a copy in a temporary folder):');
  for (const number of [3, 4, 6]) applySolution(number, root);
  const tsc = spawnSync(
    process.execPath,
    [join(root, 'apps/target-api/node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
    { cwd: join(root, 'apps/target-api'), encoding: 'utf8' },
  );
  if (tsc.status !== 0) throw new Error(`the solved target-api does not compile:\n${tsc.stdout}`);
  stack = await startStack(root, join(root, 'apps/target-api/dist/main.js'));
  expectCheck(1, stack, 0, 'passes with a token from the CLI', cliToken(stack, 'caller'));
  expectCheck(2, stack, 0, "passes with auditor-bot's token", cliToken(stack, 'auditor-bot'));
  expectCheck(3, stack, 0, 'passes with the role and the route');
  expectCheck(4, stack, 0, 'passes with dashboard in a nested group');
  expectCheck(5, stack, 1, 'fails until the keys are rotated');
  await globalThis.fetch(`${stack.caller.url}/demo`, { method: 'POST' }); // the caller now holds a token of the old key
  const rotated = await globalThis.fetch(`${stack.sso.url}/portal/keys/rotate`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ admin_secret: ADMIN_SECRET }),
  });
  if (rotated.status !== 200) throw new Error(`rotating on the portal answered ${rotated.status}`);
  expectCheck(5, stack, 0, 'passes after a rotation on the portal');
  expectCheck(6, stack, 0, 'passes with the permission test');
  say('Every workshop check fails before its exercise and passes on its solution.');
} finally {
  stack?.stop();
  rmSync(root, { recursive: true, force: true });
}
