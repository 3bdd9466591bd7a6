import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { isKnownMetric, SERVICE_METRICS } from './support/metric-names.js';
import { metricNames } from './support/promql.js';
import { describeWithPromtool, promtool } from './support/promtool.js';

const DASHBOARD = fileURLToPath(new URL('../grafana/api-access.dashboard.json', import.meta.url));

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { refId: string; expr: string }[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query: unknown }[] };
}

const dashboard = async () => JSON.parse(await readFile(DASHBOARD, 'utf8')) as Dashboard;

/** Every PromQL expression of the dashboard, panel targets and variable queries, by where. */
async function expressions(): Promise<{ where: string; expr: string }[]> {
  const { panels, templating } = await dashboard();
  return [
    ...panels.flatMap((panel) =>
      (panel.targets ?? []).map((t) => ({ where: `${panel.title} ${t.refId}`, expr: t.expr })),
    ),
    ...templating.list
      .filter((v) => typeof v.query === 'object')
      .map((v) => ({
        where: `variable ${v.name}`,
        // label_values(<metric>, <label>) is Grafana's, not PromQL: check its metric.
        expr: /^label_values\((\w+),/.exec((v.query as { query: string }).query)![1]!,
      })),
  ];
}

describe('deploy/grafana/api-access.dashboard.json', () => {
  it('is a dashboard: uid, title, panels with unique ids, each query on the chosen Prometheus', async () => {
    const { uid, title, panels } = await dashboard();
    expect([uid, title]).toEqual(['cern-sso-api-access', 'CERN SSO API Access']);
    expect(new Set(panels.map((p) => p.id)).size).toBe(panels.length);
    const queried = panels.filter((p) => p.type !== 'row');
    expect(queried.length).toBeGreaterThan(10);
    for (const panel of queried) {
      expect({
        title: panel.title,
        datasource: panel.datasource,
        queries: (panel.targets ?? []).length > 0,
      }).toEqual({
        title: panel.title,
        datasource: { type: 'prometheus', uid: '${datasource}' },
        queries: true,
      });
    }
  });

  it('names only metrics the services expose', async () => {
    const unknown = (await expressions()).flatMap(({ where, expr }) => {
      const names = metricNames(expr);
      return names.length === 0
        ? [`${where}: no metric`]
        : names.filter((n) => !isKnownMetric(n)).map((n) => `${where}: ${n}`);
    });
    expect(unknown).toEqual([]);
  });

  it('shows every metric of the guard, the token client and the emulator', async () => {
    const shown = new Set(
      (await expressions()).flatMap(({ expr }) =>
        metricNames(expr).map((n) => n.replace(/_(bucket|count|sum)$/, '')),
      ),
    );
    expect(SERVICE_METRICS.filter((name) => !shown.has(name))).toEqual([]);
  });
});

describeWithPromtool('the PromQL syntax check of the dashboard')('the dashboard’s PromQL', () => {
  it('parses: promtool checks each query as a recording rule', async () => {
    // Grafana's variables become what they stand for on a real Prometheus.
    const rules = (await expressions()).map(({ expr }, i) => ({
      record: `dashboard:query_${i}`,
      expr: expr.replaceAll('$__rate_interval', '5m').replaceAll('$job', '.*'),
    }));
    const directory = await mkdtemp(join(tmpdir(), 'dashboard-promql-'));
    try {
      await writeFile(
        join(directory, 'queries.yml'),
        stringify({ groups: [{ name: 'dashboard', rules }] }),
      );
      const { code, output } = await promtool(['check', 'rules', 'queries.yml'], directory);
      expect({ code, output }).toEqual({
        code: 0,
        output: expect.stringContaining(`SUCCESS: ${rules.length} rules found`),
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
