import axios from 'axios';
import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { manualClock } from '@cern-sso/testing-support';
import { clientFor } from './support/client-for.js';

describe('client authentication', () => {
  let endpoint: FakeTokenEndpoint;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
  });
  afterEach(() => endpoint.stop());

  it('sends the credentials in the form by default (client_secret_post)', async () => {
    await clientFor(endpoint, manualClock(), { clientSecret: 'p@ss word' }).getToken('target-api');
    const [request] = endpoint.requests;
    expect(request?.form).toEqual({
      grant_type: 'client_credentials',
      audience: 'target-api',
      client_id: 'caller',
      client_secret: 'p@ss word',
    });
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('form-encodes id and secret before base64 with client_secret_basic (RFC 6749 2.3.1)', async () => {
    const client = clientFor(endpoint, manualClock(), {
      clientAuthentication: 'client_secret_basic',
      clientId: 'my:app',
      clientSecret: 'p@ss word+/:é',
    });
    await client.getToken('target-api');
    const [request] = endpoint.requests;
    expect(request?.form).toEqual({ grant_type: 'client_credentials', audience: 'target-api' });
    const encoded = request?.headers.authorization?.replace(/^Basic /, '') ?? '';
    expect(Buffer.from(encoded, 'base64').toString()).toBe('my%3Aapp:p%40ss+word%2B%2F%3A%C3%A9');
  });

  it('sends through a given axios instance, so its interceptors and agents apply', async () => {
    const http = axios.create();
    http.interceptors.request.use((config) => {
      config.headers.set('X-Trace', 'workshop');
      return config;
    });
    await clientFor(endpoint, manualClock(), { http }).getToken('target-api');
    expect(endpoint.requests[0]?.headers['x-trace']).toBe('workshop');
  });
});
