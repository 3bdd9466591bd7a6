import { spawn, type ChildProcess } from 'node:child_process';

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;

/** A built service running as its own process, so its CPU is not the load generator's. */
export interface ChildService {
  readonly url: string;
  readonly pid: number;
  stop(): Promise<void>;
}

/**
 * Starts `node [nodeArgs] main` and resolves once it prints `ready at <url>`, the line every
 * service of this repository logs (packages/e2e waits for it the same way).
 */
export async function startChildService(
  name: string,
  main: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<ChildService> {
  const child = spawn(process.execPath, [...nodeArgs, main], {
    env: { ...process.env, NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => fail(`not ready after ${READY_TIMEOUT_MS} ms`),
      READY_TIMEOUT_MS,
    );
    const onData = (chunk: Buffer) => {
      const match = /ready at (http:\/\/\S+)/.exec(chunk.toString());
      if (match) settle(() => resolve(match[1]!));
    };
    const onExit = (code: number | null) => fail(`exited (${code}) before it was ready`);
    const settle = (then: () => void) => {
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      child.off('exit', onExit);
      then();
    };
    const fail = (why: string) =>
      settle(() => {
        child.kill('SIGKILL');
        reject(new Error(`${name} ${why}:\n${output.join('').slice(-2000)}`));
      });
    child.stdout!.on('data', onData);
    child.once('exit', onExit);
  });
  // Keep only the tail: a long run must not accumulate its output.
  child.stdout!.off('data', keep);
  child.stderr!.off('data', keep);
  child.stdout!.resume();
  child.stderr!.resume();
  return { url, pid: child.pid!, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
