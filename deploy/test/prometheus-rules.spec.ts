import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { isKnownMetric } from './support/metric-names.js';
import { metricNames } from './support/promql.js';
import { describeWithPromtool, promtool } from './support/promtool.js';

const RULES_DIR = fileURLToPath(new URL('../prometheus/', import.meta.url));

interface AlertRule {
  alert: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

async function alertRules(): Promise<AlertRule[]> {
  const file = parse(await readFile(`${RULES_DIR}api-access.rules.yml`, 'utf8')) as {
    groups: { rules: AlertRule[] }[];
  };
  return file.groups.flatMap((group) => group.rules);
}

describe('deploy/prometheus/api-access.rules.yml', () => {
  it('alerts on the four conditions the issue names', async () => {
    expect((await alertRules()).map((rule) => rule.alert)).toEqual([
      'ApiAccessJwksUnreachable',
      'ApiAccessStaleKeysServed',
      'ApiAccessRefusalSpike',
      'ApiAccessTokenRequestsFailing',
    ]);
  });

  it('names only metrics the services expose', async () => {
    const unknown = (await alertRules()).flatMap((rule) =>
      metricNames(rule.expr)
        .filter((name) => !isKnownMetric(name))
        .map((name) => `${rule.alert}: ${name}`),
    );
    expect(unknown).toEqual([]);
  });

  it('gives every alert a severity, a summary and a description', async () => {
    for (const rule of await alertRules()) {
      expect({
        alert: rule.alert,
        severity: ['warning', 'critical'].includes(rule.labels?.severity ?? ''),
        summary: Boolean(rule.annotations?.summary),
        description: Boolean(rule.annotations?.description),
      }).toEqual({ alert: rule.alert, severity: true, summary: true, description: true });
    }
  });
});

describeWithPromtool('promtool on the alerting rules')('promtool', () => {
  it('check rules: the file is valid', async () => {
    const { code, output } = await promtool(['check', 'rules', 'api-access.rules.yml'], RULES_DIR);
    expect({ code, output }).toEqual({
      code: 0,
      output: expect.stringContaining('SUCCESS: 4 rules found'),
    });
  });

  it('test rules: each alert fires on its input series, and only there', async () => {
    const { code, output } = await promtool(
      ['test', 'rules', 'api-access.rules.test.yml'],
      RULES_DIR,
    );
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('SUCCESS') });
  });
});
