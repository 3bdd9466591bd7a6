import { type KeyStore } from './key-store.js';
import { writeKeysFile } from './keys-file.js';

/** Saves keys after a rotation so a restart keeps them; a no-op when keys live in memory only. */
export type KeysPersistence = (store: KeyStore) => Promise<void>;

export const KEYS_PERSISTENCE = Symbol('KEYS_PERSISTENCE');

export function keysPersistence(keysFile: string | undefined): KeysPersistence {
  return keysFile ? (store) => writeKeysFile(keysFile, store) : async () => {};
}
