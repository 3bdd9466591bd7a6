/** One series of an instant query: its labels and its value. */
export interface Sample {
  metric: Record<string, string>;
  value: number;
}

/** Runs an instant PromQL query through Prometheus' HTTP API (`/api/v1/query`). */
export async function query(prometheus: string, promql: string): Promise<Sample[]> {
  const url = `${prometheus}/api/v1/query?query=${encodeURIComponent(promql)}`;
  const response = await fetch(url);
  const body = (await response.json()) as {
    status: string;
    error?: string;
    data?: { result: { metric: Record<string, string>; value: [number, string] }[] };
  };
  if (body.status !== 'success') throw new Error(`GET ${url}: ${response.status} ${body.error}`);
  return body.data!.result.map(({ metric, value }) => ({ metric, value: Number(value[1]) }));
}

/** The time of each target's last scrape and its health, by job (`/api/v1/targets`). */
export async function lastScrapes(
  prometheus: string,
): Promise<Record<string, { at: number; health: string; error: string }>> {
  const response = await fetch(`${prometheus}/api/v1/targets?state=active`);
  const body = (await response.json()) as {
    data: {
      activeTargets: {
        labels: { job: string };
        lastScrape: string;
        health: string;
        lastError: string;
      }[];
    };
  };
  return Object.fromEntries(
    body.data.activeTargets.map((target) => [
      target.labels.job,
      { at: Date.parse(target.lastScrape), health: target.health, error: target.lastError },
    ]),
  );
}

/**
 * Resolves once Prometheus has scraped every one of `jobs` after `time` (ms since the epoch):
 * from then on its series hold everything the services had counted at `time`. Polls the targets
 * API; rejects after `timeoutMs`, a bound generous enough for a loaded machine.
 */
export async function scrapedSince(
  prometheus: string,
  time: number,
  jobs: readonly string[],
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const scrapes = await lastScrapes(prometheus);
    const waiting = jobs.filter((job) => !(scrapes[job] && scrapes[job].at > time));
    if (waiting.length === 0) return;
    if (Date.now() > deadline) {
      throw new Error(`Prometheus did not scrape ${waiting.join(', ')} within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
