import { Registry } from '../src/registry/registry.js';
import { parseRegistry } from '../src/registry/registry.schema.js';
import { DEFAULT_REGISTRY_PATH } from '../src/config/env.schema.js';

const load = (yaml: string) => new Registry(parseRegistry(yaml, 'test.yaml'), 'test.yaml');

const app = (clientId: string, extra = '') =>
  `  - clientId: ${clientId}\n    secret: s-${clientId}\n    apiAccess: true\n${extra}`;

describe('registry', () => {
  it('resolves roles through nested groups', () => {
    const registry = load(`applications:
${app('api', '    roles:\n      - name: reader\n        groups: [readers]\n')}${app('bot')}
groups:
  - name: readers
    members: [team]
  - name: team
    members: [inner]
  - name: inner
    members: [bot]
`);
    expect(registry.rolesIn('api', 'bot')).toEqual(['reader']);
    expect(registry.groupsOfApplication('bot')).toEqual(['inner', 'readers', 'team']);
    expect(registry.rolesIn('api', 'api')).toEqual([]);
  });

  it('loads the default registry with the demo identities', async () => {
    const registry = await Registry.load(DEFAULT_REGISTRY_PATH);
    expect(registry.rolesIn('target-api', 'caller')).toEqual(['reader', 'writer']);
    expect(registry.rolesIn('target-api', 'ops-bot')).toEqual(['admin']);
    expect(registry.rolesIn('target-api', 'auditor-bot')).toEqual(['reader', 'auditor']);
    expect(registry.rolesIn('target-api', 'stranger')).toEqual([]);
  });

  it.each([
    ['not YAML', 'applications: [', /not valid YAML/],
    ['no applications list', 'groups: []', /applications: expected a list/],
    ['a missing secret', 'applications:\n  - clientId: a\n', /application "a": secret: missing/],
    [
      'a missing client id',
      'applications:\n  - secret: x\n',
      /applications\[0\]\.clientId: missing/,
    ],
    [
      'a non-boolean apiAccess',
      'applications:\n  - clientId: a\n    secret: x\n    apiAccess: "yes"\n',
      /application "a": apiAccess: expected true or false/,
    ],
    ['a duplicate client id', `applications:\n${app('a')}${app('a')}`, /duplicate client id "a"/],
    [
      'an unknown group',
      `applications:\n${app('a', '    roles:\n      - name: r\n        groups: [ghosts]\n')}`,
      /role "r" names unknown group "ghosts"/,
    ],
    [
      'an unknown member',
      `applications:\n${app('a')}groups:\n  - name: g\n    members: [nobody]\n`,
      /group "g": unknown member "nobody"/,
    ],
    [
      'a cycle',
      `applications:\n${app('a')}groups:\n  - name: g1\n    members: [g2]\n  - name: g2\n    members: [g1, a]\n`,
      /group cycle: g1 -> g2 -> g1/,
    ],
    ['a duplicate key', 'applications: []\napplications: []\n', /not valid YAML/],
  ])('refuses %s, naming the entry and the problem', (_case, yaml, message) => {
    expect(() => load(yaml)).toThrow(message);
  });

  it('reports every problem at once', () => {
    expect(() =>
      load(`applications:\n${app('a')}${app('a')}groups:\n  - name: g\n    members: [nobody]\n`),
    ).toThrow(/duplicate client id "a"[\s\S]*unknown member "nobody"/);
  });
});
