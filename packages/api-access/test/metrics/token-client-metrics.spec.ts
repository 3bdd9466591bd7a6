import { Registry } from 'prom-client';
import { TokenClientMetrics } from '../../src/metrics/index.js';
import { clientFor } from '../client/support/client-for.js';
import {
  startFakeTokenEndpoint,
  type FakeTokenEndpoint,
} from '../client/support/fake-token-endpoint.js';
import { manualClock, type ManualClock } from '@cern-sso/testing-support';

/** The sample lines of the registry's exposition whose name starts with `api_access_token_`. */
async function tokenSamples(registry: Registry): Promise<string[]> {
  return (await registry.metrics())
    .split('\n')
    .filter((line) => line.startsWith('api_access_token_'));
}

describe('TokenClientMetrics', () => {
  let endpoint: FakeTokenEndpoint;
  let clock: ManualClock;
  let registry: Registry;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint(1200);
    clock = manualClock();
    registry = new Registry();
  });
  afterEach(() => endpoint.stop());

  it('counts requests, shared requests, cache hits, retries and the time left on the token', async () => {
    const observer = new TokenClientMetrics({ registry, clock: clock.now });
    const client = clientFor(endpoint, clock, { observer });
    endpoint.script({ status: 503, body: { error: 'temporarily_unavailable' } });

    await Promise.all([client.getToken('target-api'), client.getToken('target-api')]);
    await client.getToken('target-api');
    clock.advance(200_000);

    expect(await tokenSamples(registry)).toEqual([
      'api_access_token_requests_total{audience="target-api",result="ok"} 1',
      'api_access_token_cache_hits_total{audience="target-api"} 1',
      'api_access_token_shared_requests_total{audience="target-api"} 1',
      'api_access_token_retries_total{audience="target-api"} 1',
      // 1200 s from the attempt that succeeded, less the 200 s that passed since.
      'api_access_token_expiry_seconds{audience="target-api"} 1000',
    ]);
  });

  it('counts a failed request by its error code', async () => {
    const client = clientFor(endpoint, clock, { observer: new TokenClientMetrics({ registry }) });
    endpoint.script({ status: 401, body: { error: 'invalid_client' } });
    await expect(client.getToken('target-api')).rejects.toMatchObject({
      code: 'ERR_TOKEN_REQUEST_OAUTH',
    });
    expect(await tokenSamples(registry)).toContain(
      'api_access_token_requests_total{audience="target-api",result="ERR_TOKEN_REQUEST_OAUTH"} 1',
    );
  });
});
