import { execFile } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { usesRunningServices } from './support/environment.js';

const DEMO = fileURLToPath(new URL('../dist/cli/demo.js', import.meta.url));

// `pnpm demo` starts its own services: nothing to run against services elsewhere.
const local = usesRunningServices ? describe.skip : describe;

local('pnpm demo', () => {
  it('checks the whole matrix, exits 0, and leaves no keys behind', async () => {
    const tmp = await mkdtemp(join(tmpdir(), 'demo-test-'));
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = execFile(process.execPath, [DEMO], { env: { ...process.env, TMPDIR: tmp } });
      let stdout = '';
      let stderr = '';
      child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.once('close', (exitCode) => resolve({ code: exitCode, stdout, stderr }));
    });
    // On failure, the demo's own words (its stderr) are the useful part of the report.
    expect({ code, stderr, lastLine: stdout.trimEnd().split('\n').at(-1) }).toEqual({
      code: 0,
      stderr: '',
      lastLine: 'Every cell matches the expected matrix.',
    });
    expect(await readdir(tmp)).toEqual([]);
  });
});
