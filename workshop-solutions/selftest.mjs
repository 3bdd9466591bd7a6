#!/usr/bin/env node
// CI's proof that the workshop works: every check fails before its exercise is done and passes
// on its solution. Runs the built services as processes on free ports; the solutions that change
// files are applied to a copy of target-api and the registry in a temporary folder, never here.
// Usage (after `pnpm build`): node workshop-solutions/selftest.mjs
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import process from 'node:process';
import { URL, URLSearchParams, fileURLToPath } from 'node:url';
import { startStack as startServices } from '@cern-sso/stack';
import { applySolution } from './apply.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const ADMIN_SECRET = 'selftest-admin-secret';
// The CLI a participant runs, found by the package's declared `bin`, not by a path into its build.
const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@cern-sso/api-access/package.json');
const apiAccessCli = join(dirname(cliPackage), require(cliPackage).bin['api-access']);
const say = (line) => process.stdout.write(`${line}\n`);

/** Emulator, target-api and caller wired together by the one launcher, as `node docs/workshop/stack.mjs` does. */
async function startStack(root, targetMain) {
  const stack = await startServices({
    env: {
      sso: {
        SSO_ADMIN_SECRET: ADMIN_SECRET,
        SSO_REGISTRY: join(root, 'apps/sso-emulator/registry.yaml'),
      },
    },
    ...(targetMain ? { targetMain } : {}),
  });
  return {
    sso: stack.sso,
    caller: stack.caller,
    env: {
      WORKSHOP_ROOT: root,
      WORKSHOP_SSO_URL: stack.sso.url,
      WORKSHOP_TARGET_URL: stack.target.url,
      WORKSHOP_CALLER_URL: stack.caller.url,
    },
    stop: () => stack.stop(),
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
  const run = spawnSync(process.execPath, [apiAccessCli, 'token', '--audience', 'target-api'], {
    env: {
      ...process.env,
      API_ACCESS_TOKEN_ENDPOINT: `${stack.sso.url}/auth/realms/cern/api-access/token`,
      API_ACCESS_CLIENT_ID: clientId,
      API_ACCESS_CLIENT_SECRET: `${clientId}-secret`,
    },
    encoding: 'utf8',
  });
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
  stack = await startStack(root);
  for (const number of [1, 2, 3, 4, 5, 6]) expectCheck(number, stack, 1, 'fails before it is done');
  expectCheck(1, stack, 1, 'refuses a token of another application', cliToken(stack, 'stranger'));
  expectCheck(2, stack, 1, 'refuses a token without the auditor role', cliToken(stack, 'caller'));
  const token = cliToken(stack, 'caller');
  await stack.stop();

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
  await stack?.stop();
  rmSync(root, { recursive: true, force: true });
}
