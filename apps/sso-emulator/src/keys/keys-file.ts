import { readFile, rename, writeFile } from 'node:fs/promises';
import { KeyStore, KeyStoreError } from './key-store.js';

/** Loads the keys file; a missing or malformed file names the path and the fix. */
export async function readKeysFile(path: string): Promise<KeyStore> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : String(error);
    throw new KeyStoreError(
      'ERR_KEYS_FILE',
      `SSO_KEYS_FILE ${path} ${reason}; create it with \`pnpm --filter @cern-sso/sso-emulator keys:create ${path}\``,
    );
  }
  try {
    return await KeyStore.fromPrivateJwks((JSON.parse(text) as { keys?: unknown }).keys);
  } catch (error) {
    const detail = error instanceof KeyStoreError ? error.message : 'not valid JSON';
    throw new KeyStoreError('ERR_KEYS_FILE', `SSO_KEYS_FILE ${path}: ${detail}`);
  }
}

/** Writes private keys readable by the owner only, atomically so a crash never leaves half a file. */
export async function writeKeysFile(path: string, store: KeyStore): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify({ keys: store.toPrivateJwks() }, null, 2)}\n`, {
    mode: 0o600,
  });
  await rename(temporary, path);
}
