import { readFileSync } from 'node:fs';
import { startStack, type Stack } from '@cern-sso/stack';
import { usesRunningServices } from './support/environment.js';

// The documented contract: docs/metrics.md's table, one row per metric.
const DOCS = new URL('../../../docs/metrics.md', import.meta.url);
const OURS = /^(api_access|sso_emulator)_/;

interface Documented {
  type: string;
  labels: string[];
  service: string;
}

function documented(): Map<string, Documented> {
  const rows = readFileSync(DOCS, 'utf8').matchAll(
    /^\| `([a-z_]+)`\s*\| (counter|gauge|histogram)\s*\|([^|]*)\| ([a-z-]+)\s*\|/gm,
  );
  return new Map(
    [...rows].map(([, name, type, labels, service]) => [
      name!,
      {
        type: type!,
        labels: [...labels!.matchAll(/`(\w+)`/g)].map((m) => m[1]!).sort(),
        service: service!,
      },
    ]),
  );
}

/** What a service's /metrics says: each metric's type, and the label names its samples carry. */
async function exposed(url: string): Promise<Map<string, { type: string; labels: string[] }>> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  const text = await response.text();
  const metrics = new Map<string, { type: string; labels: Set<string> }>();
  for (const [, name, type] of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    if (OURS.test(name!)) metrics.set(name!, { type: type!, labels: new Set() });
  }
  for (const [, sample, labels] of text.matchAll(/^([a-z_]+)\{([^}]*)\}/gm)) {
    const name = sample!.replace(/_(bucket|sum|count)$/, '');
    const metric = metrics.get(metrics.has(sample!) ? sample! : name);
    for (const [, label] of labels!.matchAll(/(\w+)="/g))
      if (label !== 'le') metric?.labels.add(label!);
  }
  return new Map(
    [...metrics].map(([name, { type, labels }]) => [name, { type, labels: [...labels].sort() }]),
  );
}

// It starts its own services; nothing to run against services elsewhere.
const local = usesRunningServices ? describe.skip : describe;

local('docs/metrics.md', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
    // The demo: token requests, decisions of every outcome, tokens issued.
    expect((await fetch(`${stack.caller.url}/demo`, { method: 'POST' })).status).toBe(200);
  });
  afterAll(() => stack?.stop());

  it.each(['sso-emulator', 'target-api', 'caller'] as const)(
    "lists exactly the metrics %s's /metrics exposes, with their types and labels",
    async (service) => {
      const url = {
        'sso-emulator': stack.sso.url,
        'target-api': stack.target.url,
        caller: stack.caller.url,
      }[service];
      const actual = await exposed(url);
      const expected = [...documented()].filter(([, row]) => row.service === service);
      expect([...actual.keys()].sort()).toEqual(expected.map(([name]) => name).sort());
      for (const [name, row] of expected) {
        const metric = actual.get(name)!;
        expect({ name, type: metric.type }).toEqual({ name, type: row.type });
        // A labelled metric with no sample yet (no retry happened) shows no label names.
        if (metric.labels.length > 0 || row.labels.length === 0) {
          expect({ name, labels: metric.labels }).toEqual({ name, labels: row.labels });
        }
      }
    },
  );
});
