import { spawn, type ChildProcess } from 'node:child_process';

/**
 * How long a service may take to print its ready line (generous: a Nest app starting on a
 * loaded two-core machine can take tens of seconds), and to exit after SIGTERM.
 */
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 5_000;
const KEPT_LOG_LINES = 200;

export interface ServiceSpec {
  name: string;
  /** The built entry point, e.g. apps/target-api/dist/main.js. */
  main: string;
  env: Record<string, string>;
  /** Options for node itself, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
}

/**
 * One of this repository's built services as a real process. Every service logs
 * `ready at <url>` once it listens; the last lines of its output are kept (bounded) so a
 * failure can show them. It can be stopped and started again with the same spec.
 */
export class ServiceProcess {
  readonly log: string[] = [];
  private child?: ChildProcess;
  url = '';

  constructor(readonly spec: ServiceSpec) {}

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** The running process's id (for its RSS, say); undefined when it is not running. */
  get pid(): number | undefined {
    return this.running ? this.child!.pid : undefined;
  }

  async start(envOverrides: Record<string, string> = {}): Promise<string> {
    const child = spawn(process.execPath, [...(this.spec.nodeArgs ?? []), this.spec.main], {
      env: { ...process.env, NO_COLOR: '1', ...this.spec.env, ...envOverrides },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line) this.log.push(line);
      this.log.splice(0, Math.max(0, this.log.length - KEPT_LOG_LINES));
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`${this.spec.name} not ready after ${READY_TIMEOUT_MS} ms`)),
        READY_TIMEOUT_MS,
      );
      let seen = '';
      const onData = (chunk: Buffer) => {
        // A line may arrive split across chunks: match on everything seen so far.
        seen += chunk.toString();
        // Plain text or a JSON log line: the URL ends at white space or the closing quote.
        const match = /ready at (http:\/\/[^\s"]+)/.exec(seen);
        if (match) done(() => resolve(match[1]!));
      };
      const onExit = (code: number | null) =>
        fail(new Error(`${this.spec.name} exited (${code}) before it was ready:\n${this.tail()}`));
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        child.off('exit', onExit);
        settle();
      };
      const fail = (error: Error) => done(() => reject(error));
      child.stdout!.on('data', onData);
      child.once('exit', onExit);
    });
    return this.url;
  }

  /** SIGTERM, then SIGKILL if it does not exit in time. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  /**
   * Sends `signal` and resolves with how the process ended: SIGKILL is a crash, SIGTERM asks for
   * a graceful shutdown (the services drain in-flight requests, then end by that signal).
   */
  async kill(
    signal: NodeJS.Signals,
  ): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    const child = this.child;
    if (!child || !this.running) throw new Error(`${this.spec.name} is not running`);
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    child.kill(signal);
    return exited;
  }

  tail(lines = 30): string {
    return this.log
      .slice(-lines)
      .map((line) => `  [${this.spec.name}] ${line}`)
      .join('\n');
  }
}
