import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { promisify } from 'node:util';
import { TokenClient } from '@cern-sso/api-access/client';
import { ServiceProcess } from '@cern-sso/service-process';
import { startEmulatorProcess, type RunningEmulator } from '@cern-sso/stack';
import { consumerEnv } from '../src/commands.js';
import { buildConsumerApp, PACKAGE_MANAGERS, type ConsumerApp } from '../src/consumer-app.js';
import { installedPackages } from '../src/docs-snippets.js';
import { copyIntoYourServicePath, FIXTURES, registryPath } from '../src/fixtures.js';
import { packApiAccess } from '../src/pack.js';
import { readMatrix, secretOf, type ApiCall } from '../src/permission-matrix.js';

// The client id of the fixtures' API (docs/copy-into-your-service.md's `my-api`).
const API_CLIENT_ID = 'my-api';

let work: string;
let tarball: string;
let emulator: RunningEmulator;
const timings: string[] = [];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'api-access-consumers-'));
  tarball = await packApiAccess(join(work, 'pack'));
  emulator = await startEmulatorProcess({ env: { SSO_REGISTRY: registryPath } });
});

afterAll(async () => {
  await emulator?.stop();
  if (work) await rm(work, { recursive: true, force: true });
  process.stdout.write(`consumer apps (seconds):\n${timings.join('\n')}\n`);
});

const combinations = FIXTURES.flatMap((fixture) =>
  PACKAGE_MANAGERS.map((packageManager) => ({ fixture, packageManager })),
);

describe.each(combinations)('the $fixture app, installed with $packageManager', (combination) => {
  const matrix = readMatrix(combination.fixture);
  let app: ConsumerApp;
  let api: ServiceProcess;
  let started: number;

  beforeAll(async () => {
    started = performance.now();
    const docs = await readFile(copyIntoYourServicePath, 'utf8');
    app = await buildConsumerApp({
      ...combination,
      tarball,
      packages: installedPackages(docs),
      dir: join(work, `${combination.fixture}-${combination.packageManager}`),
      cacheDir: join(work, 'cache'),
    });
    api = new ServiceProcess({
      name: `${combination.fixture}-${combination.packageManager}-api`,
      main: join(app.dir, 'dist', 'api', 'main.js'),
      env: { NODE_OPTIONS: '', PORT: '0', SSO_ISSUER: emulator.issuer, API_CLIENT_ID },
    });
    await api.start();
  });

  afterAll(async () => {
    await api?.stop();
    const total = (performance.now() - started) / 1000;
    const { install, build } = app?.seconds ?? { install: NaN, build: NaN };
    timings.push(
      `  ${combination.fixture} + ${combination.packageManager}: install ${install.toFixed(1)}, tsc ${build.toFixed(1)}, total ${total.toFixed(1)}`,
    );
  });

  it('runs the packed tarball, installed inside the app', () => {
    expect(app.installedPackage.startsWith(app.dir + sep)).toBe(true);
  });

  it.each(matrix.api.map((call) => [title(call), call] as const))('%s', async (_, call) => {
    const [method, path] = call.request.split(' ');
    const token = call.token ?? (call.as ? await tokenFor(call) : undefined);
    const response = await fetch(`${api.url}${path}`, {
      method,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body: unknown = await response.json();

    expect(response.status).toBe(call.status);
    if (call.body !== undefined) expect(body).toEqual(call.body);
    if (call.code !== undefined) expect(body).toMatchObject({ code: call.code });
    if (call.challenge !== undefined) {
      const realm = `Bearer realm="${API_CLIENT_ID}"`;
      const challenge = response.headers.get('www-authenticate');
      if (call.challenge === '') expect(challenge).toBe(realm);
      else expect(challenge).toMatch(new RegExp(`^${realm}, error="${call.challenge}"`));
    }
  });

  it.each(matrix.caller)('ReportsClient.list() as $as', async (run) => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(app.dir, 'dist', 'caller', 'main.js')],
      {
        env: consumerEnv({
          SSO_TOKEN_ENDPOINT: `${emulator.issuer}/api-access/token`,
          CALLER_CLIENT_ID: run.as,
          CALLER_CLIENT_SECRET: secretOf(run.as),
          TARGET_API_URL: api.url,
        }),
      },
    );
    expect(JSON.parse(stdout.trim().split('\n').at(-1)!)).toEqual(run.outcome);
  });
});

function title(call: ApiCall): string {
  const who = call.as
    ? `as ${call.as}${call.audience ? ` (a token for ${call.audience})` : ''}`
    : call.token
      ? `with "${call.token}"`
      : 'without a token';
  return `${call.request} ${who}: ${call.status}${call.code ? ` ${call.code}` : ''}`;
}

const tokenClients = new Map<string, TokenClient>();

/** A real token from the emulator for the call's application and audience. */
async function tokenFor(call: ApiCall): Promise<string> {
  const clientId = call.as!;
  let client = tokenClients.get(clientId);
  if (!client) {
    client = new TokenClient({
      tokenEndpoint: `${emulator.issuer}/api-access/token`,
      clientId,
      clientSecret: secretOf(clientId),
    });
    tokenClients.set(clientId, client);
  }
  return client.getToken(call.audience ?? API_CLIENT_ID);
}
