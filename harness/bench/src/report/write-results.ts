import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BenchResults } from './results.js';

/**
 * Writes `<date>.json` and `<date>.md`, and the same as `latest.json` / `latest.md`, under
 * `dir` (harness/bench/results/, which git ignores). Returns the paths of the dated files.
 */
export async function writeResults(
  dir: string,
  results: BenchResults,
  markdown: string,
): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const stamp = results.machine.date.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(results, null, 2)}\n`;
  const files: [string, string][] = [
    [`${stamp}.json`, json],
    [`${stamp}.md`, markdown],
    ['latest.json', json],
    ['latest.md', markdown],
  ];
  await Promise.all(files.map(([name, text]) => writeFile(join(dir, name), text)));
  return files.slice(0, 2).map(([name]) => join(dir, name));
}
