#!/usr/bin/env node
// `node docs/workshop/check.mjs <n>` (or `pnpm workshop:check <n>`): is exercise n done?
// Exit 0: done. Exit 1: not done yet, and what is missing. Exit 2: cannot check (stack down, bad usage).
import process from 'node:process';
import { CannotCheck, NotDone, stackAnswers } from './checks/lib.mjs';

/** Each exercise's check, and whether it talks to the workshop stack (6 runs a test in-process). */
const EXERCISES = {
  1: { file: './checks/01-call-the-target.mjs', usesStack: true },
  2: { file: './checks/02-read-the-claims.mjs', usesStack: true },
  3: { file: './checks/03-role-and-route.mjs', usesStack: true },
  4: { file: './checks/04-nested-group.mjs', usesStack: true },
  5: { file: './checks/05-rotate-keys.mjs', usesStack: true },
  6: { file: './checks/06-permission-test.mjs', usesStack: false },
};

const say = (line) => process.stdout.write(`${line}\n`);
const number = process.argv[2];
if (!EXERCISES[number]) {
  say(
    `Usage: node docs/workshop/check.mjs <exercise>, one of ${Object.keys(EXERCISES).join(', ')}`,
  );
  process.exit(2);
}

const exercise = await import(EXERCISES[number].file);
try {
  // A stopped stack is said first, whatever TOKEN holds: otherwise a stale or empty TOKEN would
  // read as "not done" when nothing can be checked at all.
  if (EXERCISES[number].usesStack) await stackAnswers();
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
