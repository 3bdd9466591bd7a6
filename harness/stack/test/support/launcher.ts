import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A launcher (`pnpm start`'s script, the workshop stack...) run as a process of its own. */
export interface Launcher {
  child: ChildProcess;
  /** The TMPDIR it was given: whatever it creates there is visible to the test. */
  tmp: string;
  output(): string;
  /** Resolves once the output holds `text`; rejects if the launcher exits first. */
  printed(text: string): Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/**
 * Starts `node <script>` (or a command: `['pnpm', 'start']`) in a process group of its own (as a
 * terminal would run it, so that `process.kill(-pid, 'SIGINT')` is a Ctrl-C) with a fresh TMPDIR
 * and free ports.
 */
export async function launch(
  script: string | [string, ...string[]],
  env: Record<string, string> = {},
): Promise<Launcher> {
  const tmp = await mkdtemp(join(tmpdir(), 'launcher-test-'));
  const [command, ...args] = typeof script === 'string' ? [process.execPath, script] : script;
  const child = spawn(command, args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      TMPDIR: tmp,
      SSO_PORT: '0',
      TARGET_PORT: '0',
      CALLER_PORT: '0',
      NO_COLOR: '1',
      ...env,
    },
  });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    tmp,
    output: () => text,
    exited,
    printed: (wanted) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!text.includes(wanted)) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
        void exited.then(() => {
          if (listeners.delete(check))
            reject(new Error(`exited before printing "${wanted}":\n${text}`));
        });
      }),
  };
}

/** What is left in the launcher's TMPDIR. */
export const leftIn = (launcher: Launcher): Promise<string[]> => readdir(launcher.tmp);

/** Processes still running with this launcher's TMPDIR: its services, if it left any behind. */
export async function survivors(launcher: Launcher): Promise<number[]> {
  const found: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const environ = await readFile(`/proc/${entry}/environ`, 'utf8').catch(() => '');
    if (environ.split('\0').includes(`TMPDIR=${launcher.tmp}`)) found.push(Number(entry));
  }
  return found;
}
