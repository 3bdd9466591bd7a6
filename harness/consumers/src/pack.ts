import { readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { run } from './commands.js';

/**
 * What `npm publish` would ship: `pnpm pack` of the built @cern-sso/api-access into
 * `destination`. The consumer apps install this tarball, never the workspace link.
 */
export async function packApiAccess(destination: string): Promise<string> {
  const manifest = createRequire(import.meta.url).resolve('@cern-sso/api-access/package.json');
  await run('pnpm', ['pack', '--pack-destination', destination], { cwd: dirname(manifest) });
  const tarballs = (await readdir(destination)).filter((name) => name.endsWith('.tgz'));
  if (tarballs.length !== 1) throw new Error(`expected one tarball in ${destination}: ${tarballs}`);
  return join(destination, tarballs[0]!);
}
