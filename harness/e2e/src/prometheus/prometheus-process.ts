import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@cern-sso/service-process';

/** Debian's `prometheus` package (`.ci/run` installs it); PROMETHEUS_PATH names another. */
export const PROMETHEUS = process.env.PROMETHEUS_PATH ?? '/usr/bin/prometheus';

/** How long Prometheus may take to open its TSDB and listen on a loaded two-core machine. */
const READY_TIMEOUT_MS = 60_000;

export interface ScrapeTarget {
  /** The job label, e.g. `target-api`. */
  job: string;
  /** The service's base URL; Prometheus scrapes `<url>/metrics`. */
  url: string;
}

export interface RunningPrometheus {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Stops Prometheus and removes its storage and configuration. */
  stop(): Promise<void>;
}

/**
 * A throwaway Prometheus on loopback scraping `targets` every second, with its storage and its
 * generated configuration in a temporary directory. Prometheus cannot listen on port 0 and say
 * which port it got, so it gets a free one.
 */
export async function startPrometheus(targets: ScrapeTarget[]): Promise<RunningPrometheus> {
  if (!existsSync(PROMETHEUS)) {
    throw new Error(
      `No Prometheus at ${PROMETHEUS}: apt-get install prometheus, or set PROMETHEUS_PATH`,
    );
  }
  const directory = await mkdtemp(join(tmpdir(), 'prometheus-'));
  const config = join(directory, 'prometheus.yml');
  await writeFile(config, scrapeConfig(targets));
  const address = `127.0.0.1:${await freePort()}`;
  const child = spawn(
    PROMETHEUS,
    [
      `--config.file=${config}`,
      `--storage.tsdb.path=${join(directory, 'data')}`,
      `--web.listen-address=${address}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stop = async () => {
    await stopChild(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await readyLine(child, /Server is ready to receive web requests/);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `http://${address}`, stop };
}

/** One job per target, scraped every second: the test waits for a scrape, not for a minute. */
export function scrapeConfig(targets: ScrapeTarget[]): string {
  const jobs = targets.map(({ job, url }) => {
    const { host, protocol } = new URL(url);
    return [
      `  - job_name: ${JSON.stringify(job)}`,
      `    scheme: ${protocol.replace(':', '')}`,
      `    static_configs:`,
      `      - targets: [${JSON.stringify(host)}]`,
    ].join('\n');
  });
  return ['global:', '  scrape_interval: 1s', 'scrape_configs:', ...jobs, ''].join('\n');
}

function readyLine(child: ChildProcess, ready: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(
      () =>
        fail(new Error(`Prometheus not ready after ${READY_TIMEOUT_MS} ms:\n${seen.slice(-2000)}`)),
      READY_TIMEOUT_MS,
    );
    // Prometheus logs to stderr; a line may arrive split across chunks.
    const onData = (chunk: Buffer) => {
      seen += chunk.toString();
      if (ready.test(seen)) done(resolve);
    };
    const onExit = (code: number | null) =>
      fail(new Error(`Prometheus exited (${code}) before it was ready:\n${seen.slice(-2000)}`));
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      settle();
    };
    const fail = (error: Error) => done(() => reject(error));
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
