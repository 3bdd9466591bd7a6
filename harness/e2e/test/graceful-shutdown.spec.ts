import { request, Agent } from 'node:http';
import { connect } from 'node:net';
import { startTestIssuer, type ServedTestIssuer } from '@cern-sso/api-access/testing';
import { ServiceProcess } from '@cern-sso/service-process';
import { mainOf } from '@cern-sso/stack';
import { eventually } from '@cern-sso/testing-support';

const targetMain = mainOf('@cern-sso/target-api');

/** Whether a new TCP connection to `url` is accepted (never a pooled one: that would stay open). */
const accepts = (url: string) =>
  new Promise<boolean>((resolve) => {
    const { hostname, port } = new URL(url);
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

describe('target-api on SIGTERM (the pod is being stopped)', () => {
  let sso: ServedTestIssuer;
  let target: ServiceProcess;
  beforeAll(async () => {
    sso = await startTestIssuer();
    target = new ServiceProcess({
      name: 'target-api',
      main: targetMain,
      env: { PORT: '0', SSO_ISSUER: sso.issuer.issuer },
    });
    await target.start();
  });
  afterAll(async () => {
    await target.stop();
    await sso.stop();
  });

  it('refuses new connections, finishes the request in flight, then ends', async () => {
    const token = sso.issuer.mintToken({ roles: ['writer'], claims: { azp: 'caller' } });
    const body = JSON.stringify({ title: 'Sent across a shutdown', body: '' });
    const agent = new Agent({ keepAlive: false });
    // Expect: 100-continue makes the server say when it has read the headers: from then on the
    // request is in flight, and its body is sent only after SIGTERM.
    const inFlight = request(`${target.url}/reports`, {
      method: 'POST',
      agent,
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    const headersRead = new Promise<void>((resolve) => inFlight.once('continue', resolve));
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      inFlight.once('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      inFlight.once('error', reject);
    });
    inFlight.flushHeaders();
    await headersRead;

    const exited = target.kill('SIGTERM');
    await eventually(async () => !(await accepts(target.url)), {
      timeoutMs: 20_000,
      what: 'the port to close',
    });
    inFlight.end(body);

    expect(await response).toEqual({
      status: 201,
      body: expect.stringContaining('"title":"Sent across a shutdown"'),
    });
    // Nest re-raises the signal once its shutdown hooks are done (exit status 143, as expected of
    // a process stopped by SIGTERM); a crash would have lost the request above.
    expect(await exited).toEqual({ code: null, signal: 'SIGTERM' });
    agent.destroy();
  });
});
