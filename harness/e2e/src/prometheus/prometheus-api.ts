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
