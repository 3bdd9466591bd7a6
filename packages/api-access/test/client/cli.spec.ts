import { run } from '../../src/cli/run.js';
import { fakeJwt } from './support/fake-jwt.js';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';

/** Runs the CLI with captured output. */
async function cli(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, env, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  });
  return { code, stdout, stderr };
}

describe('api-access token (CLI)', () => {
  // A scripted token endpoint in-process; the CLI against the emulator's process is what the
  // workshop's self-test runs.
  let endpoint: FakeTokenEndpoint;
  let credentials: string[];

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
    credentials = [
      '--endpoint',
      endpoint.url,
      '--client-id',
      'caller',
      '--client-secret',
      'caller-secret',
    ];
  });
  afterEach(() => endpoint.stop());

  it('prints a token for the audience, asked with the client credentials in the form', async () => {
    const { code, stdout, stderr } = await cli([
      'token',
      '--audience',
      'target-api',
      ...credentials,
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`${endpoint.tokenNumber(1)}\n`);
    expect(endpoint.requests[0]?.form).toEqual({
      grant_type: 'client_credentials',
      audience: 'target-api',
      client_id: 'caller',
      client_secret: 'caller-secret',
    });
  });

  it('reads the endpoint and credentials from the environment, and sends HTTP Basic with --basic', async () => {
    const { code, stdout } = await cli(['token', '--audience', 'target-api', '--basic'], {
      API_ACCESS_TOKEN_ENDPOINT: endpoint.url,
      API_ACCESS_CLIENT_ID: 'ops-bot',
      API_ACCESS_CLIENT_SECRET: 'ops-bot-secret',
    });
    expect({ code, stdout }).toEqual({ code: 0, stdout: `${endpoint.tokenNumber(1)}\n` });
    expect(endpoint.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('ops-bot:ops-bot-secret').toString('base64')}`,
    );
    expect(endpoint.requests[0]?.form).toEqual({
      grant_type: 'client_credentials',
      audience: 'target-api',
    });
  });

  it('prints header and claims with --decode', async () => {
    const { code, stdout } = await cli([
      'token',
      '--audience',
      'target-api',
      '--decode',
      ...credentials,
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      header: { alg: 'RS256', typ: 'JWT' },
      claims: { aud: 'target-api', jti: 'token-1' },
    });
  });

  it("prints the SSO's error and exits 1, never echoing the secret", async () => {
    endpoint.script({
      status: 401,
      body: {
        error: 'invalid_client',
        error_description: 'Invalid client or Invalid client credentials',
      },
    });
    const { code, stdout, stderr } = await cli([
      'token',
      '--audience',
      'target-api',
      '--endpoint',
      endpoint.url,
      '--client-id',
      'caller',
      '--client-secret',
      'wrong-secret-123',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `api-access: Token request for audience "target-api" to ${endpoint.url} failed: HTTP 401 invalid_client: Invalid client or Invalid client credentials [ERR_TOKEN_REQUEST_OAUTH]\n`,
    );
  });

  it("exits 1 with the SSO's error description", async () => {
    endpoint.script({
      status: 400,
      body: {
        error: 'invalid_target',
        error_description: 'audience "x" is not a registered application',
      },
    });
    const { code, stderr } = await cli([
      'token',
      '--audience',
      'x',
      '--endpoint',
      endpoint.url,
      '--client-id',
      'a',
      '--client-secret',
      'b',
    ]);
    await endpoint.stop();
    expect(code).toBe(1);
    expect(stderr).toContain(
      'HTTP 400 invalid_target: audience "x" is not a registered application',
    );
  });

  it('fails with the wrong-audience code when the endpoint answers a token without aud', async () => {
    // What the standard endpoint (.../protocol/openid-connect/token) answers.
    endpoint.script({
      status: 200,
      body: { access_token: fakeJwt('standard', null), expires_in: 300, token_type: 'Bearer' },
    });
    const { code, stdout, stderr } = await cli([
      'token',
      '--audience',
      'target-api',
      ...credentials,
    ]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain('the standard token endpoint');
    expect(stderr).toMatch(/\[ERR_TOKEN_REQUEST_WRONG_AUDIENCE\]\n$/);
  });

  it.each([
    { flags: ['--resource', 'https://r.example/'], form: { resource: 'https://r.example/' } },
    {
      flags: ['--audience', 'https://r.example/', '--resource', 'https://r.example/'],
      form: { audience: 'https://r.example/', resource: 'https://r.example/' },
    },
  ])('sends $form for $flags', async ({ flags, form }) => {
    const endpoint = await startFakeTokenEndpoint();
    const fake = ['--endpoint', endpoint.url, '--client-id', 'a', '--client-secret', 'b'];
    const { code, stdout } = await cli(['token', ...flags, ...fake]);
    await endpoint.stop();
    expect(code).toBe(0);
    expect(stdout).toBe(`${endpoint.tokenNumber(1, 'https://r.example/')}\n`);
    expect(endpoint.requests[0]?.form).toEqual({
      grant_type: 'client_credentials',
      ...form,
      client_id: 'a',
      client_secret: 'b',
    });
  });

  it('prints an opaque token with --no-audience-check', async () => {
    const endpoint = await startFakeTokenEndpoint();
    endpoint.script({
      status: 200,
      body: { access_token: 'opaque-token', expires_in: 60, token_type: 'Bearer' },
    });
    const fake = ['--endpoint', endpoint.url, '--client-id', 'a', '--client-secret', 'b'];
    const { code, stdout } = await cli([
      'token',
      '--audience',
      'x',
      '--no-audience-check',
      ...fake,
    ]);
    await endpoint.stop();
    expect({ code, stdout }).toEqual({ code: 0, stdout: 'opaque-token\n' });
  });

  it.each([
    {
      problem: 'no command',
      argv: ['--audience', 'x'],
      says: 'expected the command "token", got none',
    },
    {
      problem: 'an unknown command',
      argv: ['tokens', '--audience', 'x'],
      says: 'expected the command "token", got "tokens"',
    },
    {
      problem: 'no audience',
      argv: ['token', '--client-id', 'a', '--client-secret', 'b'],
      says: 'missing --audience (or --resource)',
    },
    {
      problem: 'different --audience and --resource',
      argv: ['token', '--audience', 'x', '--resource', 'https://x.example/'],
      says: '--audience and --resource name one target: give them the same value',
    },
    {
      problem: 'a --resource that is not a URI',
      argv: ['token', '--resource', 'x', '--client-id', 'a', '--client-secret', 'b'],
      says: 'Invalid option audience: expected an absolute URI without fragment',
    },
    {
      problem: 'no client id',
      argv: ['token', '--audience', 'x'],
      says: 'missing --client-id (or API_ACCESS_CLIENT_ID)',
    },
    {
      problem: 'an unknown flag',
      argv: ['token', '--audiense', 'x'],
      says: "Unknown option '--audiense'",
    },
    {
      problem: 'a bad endpoint',
      argv: [
        'token',
        '--audience',
        'x',
        '--endpoint',
        'localhost',
        '--client-id',
        'a',
        '--client-secret',
        'b',
      ],
      says: 'Invalid option tokenEndpoint',
    },
  ])('exits 2 with the usage on $problem', async ({ argv, says }) => {
    const { code, stdout, stderr } = await cli(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`api-access: ${says}`);
    expect(stderr).toContain('Usage: api-access token --audience <client id>');
  });

  it('prints the usage with --help and exits 0', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('http://localhost:8080/auth/realms/cern/api-access/token');
  });
});
