import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * The built entry point of one of this repository's services, by package name: each app exports
 * its process's entry point as `./main`, and nothing a program could import as a library.
 */
export const mainOf = (app: string): string => require.resolve(`${app}/main`);

/** The emulator's `keys:create` command, which writes a fresh signing key file. */
export const createKeysCommand = (): string =>
  require.resolve('@cern-sso/sso-emulator/create-keys');
