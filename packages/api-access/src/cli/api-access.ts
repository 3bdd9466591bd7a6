#!/usr/bin/env node
// The `api-access` bin: all behaviour lives in run(), which the tests call directly.
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), process.env, {
  stdout: process.stdout,
  stderr: process.stderr,
});
