#!/usr/bin/env node
// `pnpm workshop:check <n>` (or `node docs/workshop/check.mjs <n>`): is exercise n done?
// Exit 0: done. Exit 1: not done yet, and what is missing. Exit 2: cannot check (stack down, bad usage).
import process from 'node:process';
import { CannotCheck, NotDone } from './checks/lib.mjs';

const EXERCISES = {
  1: './checks/01-call-the-target.mjs',
  2: './checks/02-read-the-claims.mjs',
  3: './checks/03-role-and-route.mjs',
  4: './checks/04-nested-group.mjs',
  5: './checks/05-rotate-keys.mjs',
  6: './checks/06-permission-test.mjs',
};

const say = (line) => process.stdout.write(`${line}\n`);
const number = process.argv[2];
if (!EXERCISES[number]) {
  say(`Usage: pnpm workshop:check <exercise>, one of ${Object.keys(EXERCISES).join(', ')}`);
  process.exit(2);
}

const exercise = await import(EXERCISES[number]);
try {
  const done = await exercise.check();
  say(`✔ Exercise ${number} (${exercise.title}) is done.\n${done}`);
} catch (error) {
  if (error instanceof NotDone) {
    say(`✘ Exercise ${number} (${exercise.title}) is not done yet.\n${error.message}`);
    process.exit(1);
  }
  if (error instanceof CannotCheck) {
    say(`? Cannot check exercise ${number}: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
