import { startStack, type Stack, type StackOptions } from './start-stack.js';

export interface RunOptions extends Omit<StackOptions, 'signal'> {
  /** What to print once all three services are up. */
  banner(stack: Stack): string;
  /** Printed under the error when the stack cannot start, e.g. which ports to move. */
  startFailureHint: string;
}

/** How often a running stack looks for a service that died, in ms. */
const WATCH_INTERVAL_MS = 1_000;

/**
 * Starts the stack and keeps it up until Ctrl-C (SIGINT) or SIGTERM, or until a service dies;
 * then stops everything, removes the emulator's keys, and exits: 0 when asked to stop, 1 when
 * something failed. A signal that arrives while the stack starts stops what has started.
 */
export async function runUntilStopped(options: RunOptions): Promise<never> {
  const { banner, startFailureHint, ...stackOptions } = options;
  const stopRequested = new AbortController();
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the launcher half-way.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => stopRequested.abort(signal));
  }

  let stack: Stack;
  try {
    stack = await startStack({ ...stackOptions, signal: stopRequested.signal });
  } catch (error) {
    if (stopRequested.signal.aborted) process.exit(0);
    process.stderr.write(
      `Could not start: ${error instanceof Error ? error.message : String(error)}\n${startFailureHint}\n`,
    );
    process.exit(1);
  }
  process.stdout.write(banner(stack));

  const exitCode = await new Promise<number>((resolve) => {
    const watch = setInterval(() => {
      const dead = [stack.sso, stack.target, stack.caller].find((service) => !service.running);
      if (dead && !stopRequested.signal.aborted) {
        process.stderr.write(`${dead.spec.name} stopped unexpectedly:\n${dead.tail()}\n`);
        finish(1);
      }
    }, WATCH_INTERVAL_MS);
    const finish = (code: number) => {
      clearInterval(watch);
      resolve(code);
    };
    stopRequested.signal.addEventListener('abort', () => finish(0), { once: true });
  });
  await stack.stop();
  process.exit(exitCode);
}

/** The address a person types: `localhost`, as in the issuer and the README, not `127.0.0.1`. */
export const forPeople = (url: string): string => url.replace('//127.0.0.1:', '//localhost:');
