import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The rules of .dependency-cruiser.mjs, run as `pnpm lint` runs them: each fails on a violation
// planted in a temporary tree, and the repository itself passes.
const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const CONFIG = join(REPOSITORY, '.dependency-cruiser.mjs');
// Its `exports` hide the bin, so it is found where pnpm links this package's devDependency.
const DEPCRUISE = join(
  REPOSITORY,
  'tooling/node_modules/dependency-cruiser/bin/dependency-cruise.mjs',
);
const TIERS = ['packages', 'apps', 'harness', 'docs', 'workshop-solutions'];

/** Runs the check over `root`'s tiers: its exit status and what it printed. */
function check(root: string, folders: string[]) {
  const run = spawnSync(process.execPath, [DEPCRUISE, '--config', CONFIG, ...folders], {
    cwd: root,
    encoding: 'utf8',
  });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** A throwaway tree with these files (path: content). */
function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'dependency-rules-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

const CORE = {
  'packages/api-access/src/server/index.ts': "export { verify } from './verify.js';\n",
  'packages/api-access/src/server/verify.ts': 'export const verify = () => true;\n',
};

it.each<{ rule: string; files: Record<string, string> }>([
  {
    rule: 'packages-stay-below-apps',
    files: {
      'packages/lib/src/index.ts': "export { start } from '../../../apps/web/src/main.js';\n",
      'apps/web/src/main.ts': 'export const start = 1;\n',
    },
  },
  {
    rule: 'apps-stay-below-harness',
    files: {
      'apps/web/src/main.ts': "export { launch } from '../../../harness/stack/src/launch.js';\n",
      'harness/stack/src/launch.ts': 'export const launch = 1;\n',
    },
  },
  {
    rule: 'apps-import-no-other-app',
    files: {
      'apps/web/src/main.ts': "export { routes } from '../../api/src/routes.js';\n",
      'apps/api/src/routes.ts': 'export const routes = [];\n',
    },
  },
  {
    rule: 'cores-are-framework-free',
    files: {
      ...CORE,
      'packages/api-access/src/server/verify.ts':
        "import { Injectable } from '@nestjs/common';\nexport const verify = Injectable;\n",
    },
  },
  {
    rule: 'adapters-use-the-core-index',
    files: {
      ...CORE,
      'packages/api-access/src/server/nestjs/guard.ts': "export { verify } from '../verify.js';\n",
    },
  },
  {
    rule: 'workspace-packages-by-name',
    files: {
      'docs/workshop/stack.mjs': "export * from '../../harness/stack/dist/index.js';\n",
      'harness/stack/dist/index.js': 'export const startStack = 1;\n',
    },
  },
])('fails on a planted violation of $rule', ({ rule, files }) => {
  const root = tree(files);
  try {
    const { status, output } = check(
      root,
      Object.keys(files).map((file) => file.split('/')[0]!),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`error ${rule}:`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('passes when the adapter imports the core through its index', () => {
  const root = tree({
    ...CORE,
    'packages/api-access/src/server/nestjs/guard.ts': "export { verify } from '../index.js';\n",
  });
  try {
    expect(check(root, ['packages'])).toMatchObject({ status: 0 });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

it('passes on the repository', () => {
  const { status, output } = check(REPOSITORY, [...TIERS, 'deploy']);
  expect({ status, errors: output.split('\n').filter((line) => line.includes(' error ')) }).toEqual(
    {
      status: 0,
      errors: [],
    },
  );
}, 120_000);
