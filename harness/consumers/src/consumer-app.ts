import { cp, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import { run } from './commands.js';
import { fixtureDir, type Fixture } from './fixtures.js';

export const PACKAGE_MANAGERS = ['npm', 'pnpm'] as const;
export type PackageManager = (typeof PACKAGE_MANAGERS)[number];

export interface ConsumerAppOptions {
  fixture: Fixture;
  packageManager: PackageManager;
  /** The packed @cern-sso/api-access. */
  tarball: string;
  /** What the docs say to install, `@cern-sso/api-access` first (replaced by the tarball). */
  packages: string[];
  /** A fresh directory for the app, outside the repository. */
  dir: string;
  /** npm's cache and pnpm's store, shared by the apps of one run and removed after it. */
  cacheDir: string;
}

export interface ConsumerApp {
  dir: string;
  /** Where the app's node_modules/@cern-sso/api-access really is: inside the app, not the repo. */
  installedPackage: string;
  /** Seconds spent installing and compiling. */
  seconds: { install: number; build: number };
}

/**
 * A copy of the fixture that installs the docs' packages with the package manager, as a team
 * would (`npm install` / `pnpm add`), and compiles with its own TypeScript and strict tsconfig.
 */
export async function buildConsumerApp(options: ConsumerAppOptions): Promise<ConsumerApp> {
  const { dir, tarball, cacheDir } = options;
  await cp(fixtureDir(options.fixture), dir, { recursive: true });
  const packages = [tarball, ...options.packages.slice(1)];

  let started = performance.now();
  if (options.packageManager === 'npm') {
    // The cache starts empty each run; --prefer-offline lets the second app reuse the metadata
    // the first fetched minutes ago instead of asking the registry again for every package.
    const cache = ['--cache', join(cacheDir, 'npm'), '--prefer-offline'];
    await run('npm', ['install', '--no-audit', '--no-fund', ...cache, ...packages], { cwd: dir });
  } else {
    const store = ['--store-dir', join(cacheDir, 'pnpm-store')];
    await run('pnpm', ['add', ...store, '--state-dir', join(cacheDir, 'pnpm-state'), ...packages], {
      cwd: dir,
    });
  }
  const install = (performance.now() - started) / 1000;

  started = performance.now();
  await run(process.execPath, [join('node_modules', 'typescript', 'bin', 'tsc'), '-p', '.'], {
    cwd: dir,
  });
  const build = (performance.now() - started) / 1000;

  const installedPackage = await realpath(join(dir, 'node_modules', '@cern-sso', 'api-access'));
  return { dir, installedPackage, seconds: { install, build } };
}
