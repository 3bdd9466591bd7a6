import { join } from 'node:path';

/** The consumer apps under fixtures/: a fresh ESM Nest app and a CommonJS one. */
export const FIXTURES = ['esm', 'cjs'] as const;
export type Fixture = (typeof FIXTURES)[number];

const packageRoot = join(import.meta.dirname, '..');

export const fixtureDir = (fixture: Fixture): string => join(packageRoot, 'fixtures', fixture);

/** The files of fixtures/<fixture>/src as an existing app has them before the docs are applied. */
export const beforeDir = join(packageRoot, 'fixtures', 'before');

/** The emulator's applications for the consumer apps: my-api and its callers. */
export const registryPath = join(packageRoot, 'registry.yaml');

const repositoryRoot = join(packageRoot, '..', '..');

/** The page whose code the fixtures are, step by step. */
export const copyIntoYourServicePath = join(repositoryRoot, 'docs', 'copy-into-your-service.md');

/** Every page that shows fixture files (`<!-- fixture: <path> -->` before a code block). */
export const DOC_PAGES = [
  copyIntoYourServicePath,
  join(repositoryRoot, 'packages', 'api-access', 'README.md'),
];

/** The sides of the page, each a folder of a fixture's src/. */
export const SIDES = { api: 'guard', caller: 'token client' } as const;
export type Side = keyof typeof SIDES;
