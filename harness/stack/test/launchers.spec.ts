import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { launch, leftIn, survivors, type Launcher } from './support/launcher.js';

const REPOSITORY = fileURLToPath(new URL('../../..', import.meta.url));
const START = fileURLToPath(new URL('../dist/cli/start.js', import.meta.url));
const WORKSHOP_STACK = fileURLToPath(new URL('../../../docs/workshop/stack.mjs', import.meta.url));
const BANNER_END = 'Ctrl-C stops all three.';

let running: Launcher | undefined;
afterEach(async () => {
  // A failed assertion must not leave services running on the shared machine.
  const child = running?.child;
  if (child && child.exitCode === null && child.signalCode === null) {
    process.kill(-child.pid!, 'SIGKILL');
  }
  for (const pid of running ? await survivors(running) : []) process.kill(pid, 'SIGKILL');
  running = undefined;
});

/** Everything stopped and the keys directory gone: what every kind of exit must leave. */
async function expectCleanExit(
  launcher: Launcher,
  code: number,
  exit: { code: number | null; signal: NodeJS.Signals | null } = { code, signal: null },
): Promise<void> {
  expect(await launcher.exited).toEqual(exit);
  expect(await leftIn(launcher)).toEqual([]);
  expect(await survivors(launcher)).toEqual([]);
}

describe('pnpm start', () => {
  it('keeps the emulator keys in a temporary directory until SIGTERM, and names nothing after tests', async () => {
    running = await launch(START);
    await running.printed(BANNER_END);
    expect(await leftIn(running)).toEqual([expect.stringMatching(/^sso-emulator-keys-/)]);
    const banner = running.output();
    expect(banner).not.toMatch(/e2e|test/i);
    const issuer = /issuer (\S+)/.exec(banner)![1]!;
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).text();
    expect(discovery).not.toMatch(/e2e|test/i);

    // SIGTERM to the launcher alone: it must stop the services itself.
    process.kill(running.child.pid!, 'SIGTERM');
    await expectCleanExit(running, 0);
  });

  it('Ctrl-C stops everything, removes the keys, and prints no error, pnpm included', async () => {
    // The README's command, through pnpm: pnpm prints "Command failed" when its script fails.
    running = await launch(['pnpm', '--dir', REPOSITORY, 'start']);
    await running.printed(BANNER_END);
    // The whole foreground process group gets SIGINT, services included, as in a terminal.
    process.kill(-running.child.pid!, 'SIGINT');
    // pnpm ends by the SIGINT it was sent, as an interrupted command should; the launcher under
    // it exits 0. Depending on how it is run, pnpm may still print its own "[ELIFECYCLE] Command
    // failed." line, which the banner calls harmless: nothing else may say error or failed.
    await expectCleanExit(running, 0, { code: null, signal: 'SIGINT' });
    expect(running.output()).toContain("that line is pnpm's and harmless");
    const pnpmsOwn = (line: string) =>
      line.startsWith('$ ') || // the script pnpm runs (its turbo step says --output-logs=errors-only)
      line === '[ELIFECYCLE] Command failed.' ||
      line.includes("that line is pnpm's and harmless");
    const lines = running.output().split('\n');
    expect(lines.filter((line) => /error|failed/i.test(line) && !pnpmsOwn(line))).toEqual([]);
  });

  it('a signal while the services start stops those already started', async () => {
    running = await launch(START);
    // The keys directory exists from the first step of the start to the end.
    await untilKeysDirectory(running);
    process.kill(running.child.pid!, 'SIGTERM');
    await expectCleanExit(running, 0);
    expect(running.output()).not.toContain(BANNER_END);
  });

  it('a failed start (a port taken) says what to do and leaves nothing behind', async () => {
    const taken = await occupyPort();
    try {
      running = await launch(START, { TARGET_PORT: String(portOf(taken)) });
      await expectCleanExit(running, 1);
      expect(running.output()).toContain(
        'Could not start: target-api exited (1) before it was ready',
      );
      expect(running.output()).toContain(
        'Is a port taken? Set SSO_PORT, TARGET_PORT or CALLER_PORT.',
      );
    } finally {
      taken.close();
    }
  });
});

describe('the workshop stack (docs/workshop/stack.mjs)', () => {
  it('Ctrl-C stops everything, removes the keys, and prints no error', async () => {
    running = await launch(WORKSHOP_STACK);
    await running.printed(BANNER_END);
    expect(await leftIn(running)).toEqual([expect.stringMatching(/^sso-emulator-keys-/)]);
    process.kill(-running.child.pid!, 'SIGINT');
    await expectCleanExit(running, 0);
    expect(running.output()).not.toMatch(/error|failed/i);
  });
});

async function untilKeysDirectory(launcher: Launcher): Promise<void> {
  // Polls the file system of another process; bounded by the test's timeout, not by a guess.
  while ((await leftIn(launcher)).length === 0) {
    if (launcher.child.exitCode !== null) throw new Error(`exited early:\n${launcher.output()}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function occupyPort(): Promise<Server> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

const portOf = (server: Server) => (server.address() as { port: number }).port;
