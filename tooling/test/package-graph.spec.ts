import { readFileSync } from 'node:fs';
import { DOC, mermaidGraph, readWorkspace, withGraph } from '../package-graph.mjs';

// docs/architecture.md shows the package graph as the package.json files declare it.
it('the committed graph in docs/architecture.md is the one the workspace declares', () => {
  const doc = readFileSync(DOC, 'utf8');
  expect(doc).toBe(withGraph(doc, mermaidGraph(readWorkspace())));
});

it('draws an arrow per workspace dependency, dotted for a test-only one', () => {
  const graph = mermaidGraph([
    {
      tier: 'apps',
      dir: 'apps/web',
      name: '@cern-sso/web',
      dependencies: ['@cern-sso/lib'],
      devDependencies: ['@cern-sso/fixtures'],
    },
    {
      tier: 'packages',
      dir: 'packages/lib',
      name: '@cern-sso/lib',
      dependencies: [],
      devDependencies: [],
    },
    {
      tier: 'packages',
      dir: 'packages/fixtures',
      name: '@cern-sso/fixtures',
      dependencies: [],
      devDependencies: [],
    },
  ]);
  expect(graph).toContain('  web --> lib\n');
  expect(graph).toContain('  web -.-> fixtures\n');
  expect(graph).toContain('    lib["@cern-sso/lib<br/>packages/lib"]\n');
});
