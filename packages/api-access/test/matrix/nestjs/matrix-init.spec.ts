import 'reflect-metadata';
import { join } from 'node:path';
import { run } from '../../../src/cli/run.js';
import { parseMatrix } from '../../../src/matrix/index.js';

const MODULE = join(import.meta.dirname, 'fixtures', 'app.module.ts');

async function cli(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await run(
    argv,
    {},
    {
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
  );
  return { code, stdout, stderr };
}

it('writes a first matrix from the app’s routes, with the statuses the decorators predict', async () => {
  const { code, stdout, stderr } = await cli([
    'matrix',
    'init',
    '--module',
    MODULE,
    '--audience',
    'my-api',
  ]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  const matrix = parseMatrix(stdout, 'init.yaml', { env: {} });
  expect(matrix.routes.map((route) => route.name)).toEqual([
    'GET /reports',
    'POST /reports',
    'DELETE /reports/{id}',
    'GET /health',
  ]);
  const rows = Object.fromEntries(
    matrix.identities.map((identity) => [
      identity.name,
      matrix.cells.filter((cell) => cell.identity === identity).map((cell) => cell.expected),
    ]),
  );
  expect(rows).toEqual({
    'admin-app': [403, 403, 200, 200],
    'reader-app': [200, 403, 403, 200],
    'writer-app': [403, 403, 403, 200],
    'no-token': [401, 401, 401, 200],
  });
});

it('a module without the export: exit 2 naming it', async () => {
  const { code, stderr } = await cli([
    'matrix',
    'init',
    '--module',
    MODULE,
    '--export',
    'Nope',
    '--audience',
    'x',
  ]);
  expect(code).toBe(2);
  expect(stderr).toContain('exports no Nope (pass --export <name>)');
});
