import { startFakeTokenEndpoint, type FakeTokenEndpoint } from './support/fake-token-endpoint.js';
import { manualClock } from '@cern-sso/testing-support';
import { SECRET, clientFor } from './support/client-for.js';
import { InvalidOptionError, type TargetParameter } from '../../src/client/index.js';

describe('naming the target: audience, RFC 8707 resource, or both', () => {
  let endpoint: FakeTokenEndpoint;

  beforeEach(async () => {
    endpoint = await startFakeTokenEndpoint();
  });
  afterEach(() => endpoint.stop());

  it.each<{ targetParameters?: TargetParameter[]; target: string; form: Record<string, string> }>([
    { target: 'target-api', form: { audience: 'target-api' } },
    {
      targetParameters: ['resource'],
      target: 'https://reports.example/',
      form: { resource: 'https://reports.example/' },
    },
    {
      targetParameters: ['audience', 'resource'],
      target: 'https://reports.example/',
      form: { audience: 'https://reports.example/', resource: 'https://reports.example/' },
    },
  ])(
    'targetParameters $targetParameters sends $form',
    async ({ targetParameters, target, form }) => {
      const client = clientFor(endpoint, manualClock(), { targetParameters });
      expect(await client.getToken(target)).toBe(endpoint.tokenNumber(1, target));
      expect(endpoint.requests[0]?.form).toEqual({
        grant_type: 'client_credentials',
        ...form,
        client_id: 'caller',
        client_secret: SECRET,
      });
    },
  );

  it.each(['reports-api', 'https://reports.example/#section', '/relative/path'])(
    'refuses %j as a resource before any request (RFC 8707: an absolute URI, no fragment)',
    async (target) => {
      const client = clientFor(endpoint, manualClock(), { targetParameters: ['resource'] });
      const error = await client.getToken(target).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidOptionError);
      expect((error as InvalidOptionError).problems).toEqual([
        `audience: expected an absolute URI without fragment (sent as "resource"), got ${JSON.stringify(target)}`,
      ]);
      expect(endpoint.requests).toHaveLength(0);
    },
  );
});
