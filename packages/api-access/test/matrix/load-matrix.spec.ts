import { join } from 'node:path';
import { loadMatrix, MatrixFileError, parseMatrix } from '../../src/matrix/index.js';

const GOOD = `target: http://127.0.0.1:3001
audience: target-api
identities:
  reader: { roles: [reader] }
  ops: { clientId: ops-bot, secretEnv: OPS_SECRET }
  nobody: { token: none }
routes:
  - GET /reports
  - DELETE /reports/{id}: { params: { id: 7 }, query: { hard: true } }
expect:
  reader: [200, 403]
  ops: [200, 204]
  nobody: [401, 401]
`;

/** The problems of a file, each as `line:column: message`. */
function problemsOf(text: string, env: Record<string, string> = {}): string[] {
  try {
    parseMatrix(text, 'm.yaml', { env });
  } catch (error) {
    if (!(error instanceof MatrixFileError)) throw error;
    expect(error.code).toBe('ERR_MATRIX_FILE');
    return error.problems.map((p) => `${p.line}:${p.column}: ${p.message}`);
  }
  throw new Error('the file was accepted');
}

describe('a good file', () => {
  it('becomes identities, routes and one cell per identity and route', () => {
    const matrix = parseMatrix(GOOD, 'm.yaml', { env: {} });
    expect(matrix.identities).toEqual([
      { kind: 'roles', name: 'reader', roles: ['reader'], audience: 'target-api' },
      {
        kind: 'application',
        name: 'ops',
        clientId: 'ops-bot',
        secretEnv: 'OPS_SECRET',
        audience: 'target-api',
      },
      { kind: 'none', name: 'nobody' },
    ]);
    expect(matrix.routes).toEqual([
      { name: 'GET /reports', method: 'GET', path: '/reports', headers: {} },
      { name: 'DELETE /reports/{id}', method: 'DELETE', path: '/reports/7?hard=true', headers: {} },
    ]);
    expect(matrix.cells.map((c) => `${c.identity.name} ${c.route.name} ${c.expected}`)).toEqual([
      'reader GET /reports 200',
      'reader DELETE /reports/{id} 403',
      'ops GET /reports 200',
      'ops DELETE /reports/{id} 204',
      'nobody GET /reports 401',
      'nobody DELETE /reports/{id} 401',
    ]);
  });

  it('reads ${VAR} and ${VAR:-default} from the environment; the SSO defaults to the token command’s', () => {
    const text = GOOD.replace('http://127.0.0.1:3001', '${TARGET_URL}/').replace(
      'audience: target-api',
      'audience: ${AUD:-target-api}\nsso: { emulator: {} }',
    );
    const matrix = parseMatrix(text, 'm.yaml', {
      env: {
        TARGET_URL: 'http://127.0.0.1:9',
        API_ACCESS_TOKEN_ENDPOINT: 'http://127.0.0.1:8/auth/realms/cern/api-access/token',
      },
    });
    expect(matrix).toMatchObject({
      target: 'http://127.0.0.1:9',
      audience: 'target-api',
      sso: {
        tokenEndpoint: 'http://127.0.0.1:8/auth/realms/cern/api-access/token',
        emulator: { adminUrl: 'http://127.0.0.1:8/admin', adminSecretEnv: 'SSO_ADMIN_SECRET' },
      },
    });
  });

  it('per-identity audience overrides the file’s', () => {
    const text = GOOD.replace('{ roles: [reader] }', '{ roles: [reader], audience: other-api }');
    expect(parseMatrix(text, 'm.yaml', { env: {} }).identities[0]).toMatchObject({
      audience: 'other-api',
    });
  });

  it('loads the shipped example file', async () => {
    const file = join(import.meta.dirname, 'fixtures', 'example.matrix.yaml');
    const matrix = await loadMatrix(file, { env: {} });
    expect(matrix.cells).toHaveLength(matrix.identities.length * matrix.routes.length);
  });
});

describe('a bad file: every problem with its line and column, and nothing runs', () => {
  it.each<[string, string, string[]]>([
    ['not YAML', 'target: [\n', ['2:1: not valid YAML: ']],
    [
      'a repeated key',
      GOOD.replace('  nobody: [401, 401]', '  nobody: [401, 401]\n  nobody: [401, 401]'),
      ['14:3: not valid YAML: Map keys must be unique'],
    ],
    ['an unknown top-level key', `${GOOD}timeout: 3\n`, ['14:1: unknown key "timeout"']],
    [
      'an unknown identity key',
      GOOD.replace('{ token: none }', '{ token: none, roles: [] }'),
      ['6:13: identities.nobody: unknown key "token"'],
    ],
    [
      'an unknown key in an application',
      GOOD.replace('secretEnv: OPS_SECRET', 'secretEnv: OPS_SECRET, secret: x'),
      ['5:52: identities.ops: unknown key "secret"'],
    ],
    ['a missing field', GOOD.replace('audience: target-api\n', ''), ['1:1: missing "audience"']],
    [
      'token other than none',
      GOOD.replace('token: none', 'token: abc'),
      ['6:20: identities.nobody.token: expected "none", got "abc"'],
    ],
    [
      'an unknown identity in expect',
      GOOD.replace('  nobody: [401, 401]', '  nobody: [401, 401]\n  ghost: [401, 401]'),
      ['14:3: expect: unknown identity "ghost" (identities: reader, ops, nobody)'],
    ],
    [
      'an identity without a row',
      GOOD.replace('  nobody: [401, 401]\n', ''),
      ['6:3: identities: identity "nobody" has no row in expect'],
    ],
    [
      'a row too short',
      GOOD.replace('ops: [200, 204]', 'ops: [200]'),
      ['12:8: expect.ops: 1 statuses for 2 routes'],
    ],
    [
      'a row too long',
      GOOD.replace('ops: [200, 204]', 'ops: [200, 204, 204]'),
      ['12:8: expect.ops: 3 statuses for 2 routes'],
    ],
    [
      'an unknown status',
      GOOD.replace('ops: [200, 204]', 'ops: [200, 299]'),
      ['12:14: expect.ops[1]: unknown HTTP status 299'],
    ],
    [
      'an invalid status',
      GOOD.replace('ops: [200, 204]', 'ops: [200, 42]'),
      [
        '12:14: expect.ops[1]: invalid status 42: expected an HTTP status, an integer from 100 to 599',
      ],
    ],
    [
      'a status that is not a number',
      GOOD.replace('ops: [200, 204]', 'ops: [200, ok]'),
      [
        '12:14: expect.ops[1]: invalid status "ok": expected an HTTP status, an integer from 100 to 599',
      ],
    ],
    [
      'an unknown method in a route with options',
      GOOD.replace('- DELETE /reports/{id}', '- REMOVE /reports/{id}'),
      [
        '9:5: routes[1]: bad route "REMOVE /reports/{id}": expected "METHOD /path", METHOD one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      ],
    ],
    [
      'an unknown method',
      GOOD.replace('- GET /reports', '- FETCH /reports'),
      [
        '8:5: routes[0]: bad route "FETCH /reports": expected "METHOD /path", METHOD one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      ],
    ],
    [
      'a path without /',
      GOOD.replace('- GET /reports', '- GET reports'),
      [
        '8:5: routes[0]: bad route "GET reports": expected "METHOD /path", METHOD one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS',
      ],
    ],
    [
      'a parameter without a value',
      GOOD.replace('params: { id: 7 }, ', ''),
      ['9:5: routes[1]: DELETE /reports/{id}: {id} has no value: add params: { id: ... }'],
    ],
    [
      'a value for no parameter',
      GOOD.replace('params: { id: 7 }', 'params: { id: 7, x: 1 }'),
      ['9:5: routes[1]: DELETE /reports/{id}: params.x names no {x} in the path'],
    ],
    [
      'an unknown route option',
      GOOD.replace('query: { hard: true }', 'qurey: { hard: true }'),
      ['9:48: routes[1].DELETE /reports/{id}: unknown key "qurey"'],
    ],
    [
      'an Authorization header on a route',
      GOOD.replace('- GET /reports', '- GET /reports: { headers: { Authorization: x } }'),
      [
        '8:5: routes[0]: GET /reports: headers.Authorization is set by each identity, not by the route',
      ],
    ],
    [
      'a route listed twice',
      GOOD.replace('  - GET /reports\n', '  - GET /reports\n  - GET /reports\n')
        .replace('[200, 403]', '[200, 200, 403]')
        .replace('[200, 204]', '[200, 200, 204]')
        .replace('[401, 401]', '[401, 401, 401]'),
      ['9:5: routes[1]: GET /reports is listed twice'],
    ],
    [
      'a target that is not a URL',
      GOOD.replace('http://127.0.0.1:3001', 'localhost:3001'),
      ['1:9: target: expected an http(s) URL, got "localhost:3001"'],
    ],
    [
      'an unset variable without default',
      GOOD.replace('http://127.0.0.1:3001', '${NOPE}'),
      ['1:9: target: ${NOPE} is not set and has no default (${NOPE:-default})'],
    ],
    [
      'a bad identity name',
      GOOD.replace('  nobody: { token: none }', '  "no body": { token: none }').replace(
        '  nobody: [401',
        '  "no body": [401',
      ),
      [
        '6:3: identities: bad name "no body": expected a name matching ^[A-Za-z0-9][A-Za-z0-9_.-]{0,55}$',
      ],
    ],
  ])('%s', (_, text, expected) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(expected.length);
    expected.forEach((fragment, i) => expect(problems[i]).toContain(fragment));
  });

  it('lists all problems of a file at once', () => {
    const text = GOOD.replace('ops: [200, 204]', 'ops: [200]').replace(
      'nobody: [401, 401]',
      'nobody: [401, 299]',
    );
    expect(problemsOf(text)).toEqual([
      '12:8: expect.ops: 1 statuses for 2 routes',
      '13:17: expect.nobody[1]: unknown HTTP status 299',
    ]);
  });

  it('names the file in the message, and a file that cannot be read', async () => {
    const missing = join(import.meta.dirname, 'no-such.yaml');
    const error = await loadMatrix(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatrixFileError);
    expect((error as MatrixFileError).message).toContain(
      `${missing}:1:1: cannot read the file (ENOENT)`,
    );
  });
});
