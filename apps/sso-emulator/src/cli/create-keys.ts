#!/usr/bin/env node
// Creates a keys file so that the emulator keeps its signing keys across restarts.
import { existsSync } from 'node:fs';
import { KeyStore } from '../keys/key-store.js';
import { writeKeysFile } from '../keys/keys-file.js';

const path = process.argv[2] ?? process.env.SSO_KEYS_FILE;
if (!path) {
  console.error('usage: keys:create <path>   (or set SSO_KEYS_FILE)');
  process.exit(2);
}
if (existsSync(path) && !process.argv.includes('--force')) {
  console.error(`${path} already exists; pass --force to replace its keys`);
  process.exit(1);
}
const store = await KeyStore.generate();
await writeKeysFile(path, store);
console.log(
  `wrote a private RS256 key (kid ${store.current.kid}) to ${path}: development only, never commit it`,
);
