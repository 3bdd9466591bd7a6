import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port.js';

/** How long initdb plus the first start may take on a loaded two-core machine. */
const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const READY_LINE = /database system is ready to accept connections/;

/**
 * The directory of Debian's PostgreSQL server binaries (`apt-get install postgresql`), the newest
 * major version when several are installed; `PG_BIN_DIR` overrides. Undefined when absent.
 */
export function findPostgresBinaries(env = process.env): string | undefined {
  if (env.PG_BIN_DIR)
    return existsSync(join(env.PG_BIN_DIR, 'initdb')) ? env.PG_BIN_DIR : undefined;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .filter((version) => /^\d+$/.test(version) && existsSync(join(root, version, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => join(root, version, 'bin'))[0];
}

/**
 * For test suites: the binaries, or undefined after printing one line saying why the suite skips.
 * With `REQUIRE_POSTGRES=1` (CI) a missing PostgreSQL is a failure instead of a skip.
 */
export function postgresForTests(suite: string, env = process.env): string | undefined {
  const binaries = findPostgresBinaries(env);
  if (binaries) return binaries;
  const why = 'no PostgreSQL server binaries under /usr/lib/postgresql/*/bin or PG_BIN_DIR';
  if (env.REQUIRE_POSTGRES === '1') throw new Error(`${suite}: ${why}, and REQUIRE_POSTGRES=1`);
  process.stderr.write(`SKIPPED ${suite}: ${why} (apt-get install postgresql)\n`);
  return undefined;
}

/**
 * A throwaway PostgreSQL cluster: a fresh data directory in a temp folder, listening on loopback
 * only, on a free port, with trust authentication, and removed on `stop()`. Durability is off
 * (`fsync=off`): it holds test data. Commits still reach the WAL before they return, so a
 * killed server loses nothing the kernel holds. Runs as the `postgres` user when started by root, because
 * PostgreSQL refuses to run as root.
 */
export class PostgresCluster {
  private child?: ChildProcess;
  private databases = 0;
  port = 0;

  private constructor(
    private readonly binaries: string,
    private readonly dir: string,
    private readonly owner?: { uid: number; gid: number },
  ) {}

  static async start(binaries: string): Promise<PostgresCluster> {
    const dir = await mkdtemp(join(tmpdir(), 'pg-cluster-'));
    const owner = process.getuid?.() === 0 ? systemUser('postgres') : undefined;
    if (owner) await chown(dir, owner.uid, owner.gid);
    const cluster = new PostgresCluster(binaries, dir, owner);
    await cluster.run('initdb', [
      '-D',
      cluster.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-E',
      'UTF8',
      '--no-sync',
    ]);
    await cluster.restart();
    return cluster;
  }

  private get dataDir(): string {
    return join(this.dir, 'data');
  }

  /** The URL of a database on this cluster (`postgres` is the one initdb creates). */
  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates an empty database and returns its URL: one per test keeps tests independent. */
  async createDatabase(): Promise<string> {
    const name = `test_${++this.databases}`;
    await this.run('createdb', [
      '-h',
      '127.0.0.1',
      '-p',
      String(this.port),
      '-U',
      'postgres',
      name,
    ]);
    return this.url(name);
  }

  /** Starts the server (again, after `kill`), on the same port when it had one. */
  async restart(): Promise<void> {
    if (!this.port) this.port = await freePort();
    const child = spawn(
      join(this.binaries, 'postgres'),
      [
        '-D',
        this.dataDir,
        '-h',
        '127.0.0.1',
        '-p',
        String(this.port),
        '-k',
        this.dir,
        '-c',
        'fsync=off',
        '-c',
        'full_page_writes=off',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], ...this.owner },
    );
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(
        () => fail(`not ready after ${READY_TIMEOUT_MS} ms`),
        READY_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        seen = (seen + chunk.toString()).slice(-8_000);
        if (READY_LINE.test(seen)) done(resolve);
      };
      const onExit = (code: number | null) => fail(`exited (${code}) before it was ready`);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        child.stderr!.off('data', onData);
        child.off('exit', onExit);
        child.stderr!.resume();
        settle();
      };
      const fail = (what: string) =>
        done(() => reject(new Error(`PostgreSQL on port ${this.port} ${what}:\n${seen}`)));
      child.stderr!.on('data', onData);
      child.once('exit', onExit);
    });
  }

  /** SIGKILL, as a crashed database server: the next `restart()` recovers from the WAL. */
  async kill(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** Stops the server ("fast" shutdown) and removes its data. */
  async stop(): Promise<void> {
    await this.signal('SIGINT');
    await rm(this.dir, { recursive: true, force: true });
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  private async run(tool: string, args: string[]): Promise<void> {
    try {
      await promisify(execFile)(join(this.binaries, tool), args, { ...this.owner });
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new Error(`${tool} failed: ${stderr.trim()}`, { cause: error });
    }
  }
}

function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${name}:`));
  if (!line) throw new Error(`PostgreSQL refuses to run as root, and there is no "${name}" user`);
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}
