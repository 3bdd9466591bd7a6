import { TokenClient, type TokenClientOptions } from '../../../src/client/index.js';
import type { FakeTokenEndpoint } from './fake-token-endpoint.js';
import { type ManualClock } from '@cern-sso/testing-support';

/** A distinctive secret, so tests can search every error and log line for it. */
export const SECRET = 's3cret-must-never-leak';

/** A client of the fake endpoint on the manual clock, with jitter fixed at half the ceiling. */
export function clientFor(
  endpoint: FakeTokenEndpoint,
  clock: ManualClock,
  options: Partial<TokenClientOptions> = {},
): TokenClient {
  return new TokenClient({
    tokenEndpoint: endpoint.url,
    clientId: 'caller',
    clientSecret: SECRET,
    clock: clock.now,
    sleep: clock.sleep,
    random: () => 0.5,
    ...options,
  });
}
