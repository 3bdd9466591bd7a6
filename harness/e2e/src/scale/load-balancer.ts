import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@cern-sso/service-process';

const TEMPLATE = fileURLToPath(new URL('../../scale/nginx.conf.template', import.meta.url));
const NGINX = '/usr/sbin/nginx';
const READY_TIMEOUT_MS = 30_000;

export const nginxInstalled = (): boolean => existsSync(NGINX);

/** Debian's nginx in front of `upstreams` (host:port), on a free loopback port. */
export class LoadBalancer {
  private child?: ChildProcess;
  private log = '';

  private constructor(
    readonly url: string,
    private readonly prefix: string,
  ) {}

  static async start(upstreams: string[]): Promise<LoadBalancer> {
    if (!nginxInstalled()) throw new Error(`${NGINX} is missing: apt-get install nginx`);
    const prefix = await mkdtemp(join(tmpdir(), 'scale-nginx-'));
    // nginx's workers run as `nobody` when started by root; they must reach the temp folders.
    await chmod(prefix, 0o755);
    const port = await freePort();
    const servers = upstreams
      .map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=2s;`)
      .join('\n');
    const config = (await readFile(TEMPLATE, 'utf8'))
      .replaceAll('{{PREFIX}}', prefix)
      .replaceAll('{{PORT}}', String(port))
      .replaceAll('{{SERVERS}}', servers);
    await writeFile(join(prefix, 'nginx.conf'), config);
    const balancer = new LoadBalancer(`http://127.0.0.1:${port}`, prefix);
    await balancer.run(port);
    return balancer;
  }

  private async run(port: number): Promise<void> {
    const child = spawn(
      NGINX,
      [
        '-p',
        this.prefix,
        '-e',
        join(this.prefix, 'error.log'),
        '-c',
        join(this.prefix, 'nginx.conf'),
        '-g',
        'daemon off;',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    this.child = child;
    child.stderr!.on('data', (chunk: Buffer) => (this.log = (this.log + chunk).slice(-4_000)));
    // nginx prints no ready line: it is ready once its port accepts a connection.
    const deadline = Date.now() + READY_TIMEOUT_MS;
    while (!(await accepts(port))) {
      if (child.exitCode !== null)
        throw new Error(`nginx exited (${child.exitCode}):\n${this.log}`);
      if (Date.now() > deadline)
        throw new Error(`nginx not listening after ${READY_TIMEOUT_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(this.prefix, { recursive: true, force: true });
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
