import { randomBytes } from 'node:crypto';
import { startStack, type Stack } from '@cern-sso/stack';
import { usesRunningServices } from './support/environment.js';
import {
  startOtlpCollector,
  type CollectedSpan,
  type OtlpCollector,
} from './support/otlp-collector.js';

// The three built services as processes, each exporting its spans over OTLP to a collector of
// the test's own: what a team sees in Jaeger or Tempo, down to the service names.
const local = usesRunningServices ? describe.skip : describe;

const newTrace = () => ({
  traceId: randomBytes(16).toString('hex'),
  spanId: randomBytes(8).toString('hex'),
});
const traceparent = ({ traceId, spanId }: { traceId: string; spanId: string }) =>
  `00-${traceId}-${spanId}-01`;

local('traces across caller -> SSO -> target-api (OTLP)', () => {
  let collector: OtlpCollector;
  const demoTrace = newTrace();
  const refusalTrace = newTrace();
  let statuses: number[];
  beforeAll(async () => {
    collector = await startOtlpCollector();
    // Spans are batched for 10 minutes: none leaves before the services stop, so every span the
    // test sees was sent by the flush at shutdown (what keeps a pod's last spans).
    const tracing = {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    };
    const stack: Stack = await startStack({
      env: { sso: tracing, target: tracing, caller: tracing },
    });
    try {
      const demo = await fetch(`${stack.caller.url}/demo`, {
        method: 'POST',
        headers: { traceparent: traceparent(demoTrace) },
      });
      const refusal = await fetch(`${stack.target.url}/reports`, {
        headers: { traceparent: traceparent(refusalTrace) },
      });
      statuses = [demo.status, refusal.status];
    } finally {
      await stack.stop();
    }
  }, 120_000);
  afterAll(() => collector?.close());

  const inTrace = (traceId: string) => collector.spans.filter((s) => s.traceId === traceId);
  const one = (spans: CollectedSpan[], service: string, name: string): CollectedSpan => {
    const found = spans.filter((s) => s.service === service && s.name === name);
    expect(found.map((s) => `${s.service}: ${s.name}`)).toEqual([`${service}: ${name}`]);
    return found[0]!;
  };

  it('answered: the demo 200, the call without a token 401', () => {
    expect(statuses).toEqual([200, 401]);
  });

  it('POST /demo is one trace: the caller’s calls, its token request answered by the SSO, and target-api’s decisions', () => {
    const upstream = demoTrace;
    const spans = inTrace(upstream.traceId);

    const demo = one(spans, 'caller', 'POST /demo');
    expect([demo.kind, demo.parentSpanId]).toEqual(['server', upstream.spanId]);

    // Each call of the scenario: a client span of the caller, continued by target-api, which
    // adds its decision.
    const calls = spans.filter((s) => s.service === 'caller' && s.kind === 'client');
    const decisions = spans
      .filter((s) => s.service === 'target-api')
      .map((server) => {
        const call = calls.find((c) => c.spanId === server.parentSpanId);
        return {
          call: call && `${call.name} ${new URL(String(call.attributes['url.full'])).pathname}`,
          callParent: call?.parentSpanId === demo.spanId,
          server: server.name,
          status: server.attributes['http.response.status_code'],
          decision: server.attributes['api_access.decision'],
          code: server.attributes['api_access.code'],
          caller: server.attributes['api_access.caller'],
        };
      });
    const allowed = { callParent: true, decision: 'allowed', code: undefined, caller: 'caller' };
    const forbidden = {
      callParent: true,
      decision: 'forbidden',
      code: 'ERR_ROLE_MISSING',
      caller: 'caller',
    };
    // Sorted as the scenario calls them (batches may reach the collector in any order).
    const order = [
      'GET /whoami',
      'GET /reports',
      'POST /reports',
      'DELETE /reports/:id',
      'GET /reports/audit',
    ];
    const rank = (name: string) => order.indexOf(name);
    expect(decisions.sort((x, y) => rank(x.server) - rank(y.server))).toEqual([
      { call: 'GET target-api /whoami', server: 'GET /whoami', status: 200, ...allowed },
      { call: 'GET target-api /reports', server: 'GET /reports', status: 200, ...allowed },
      { call: 'POST target-api /reports', server: 'POST /reports', status: 201, ...allowed },
      {
        call: expect.stringMatching(/^DELETE target-api \/reports\/\d+$/),
        server: 'DELETE /reports/:id',
        status: 403,
        ...forbidden,
      },
      {
        call: 'GET target-api /reports/audit',
        server: 'GET /reports/audit',
        status: 403,
        ...forbidden,
      },
    ]);

    // The first call needed a token: its own span, inside that call, answered by the SSO.
    const tokenRequest = one(spans, 'caller', 'POST sso-token-endpoint');
    const whoami = calls.find((c) => String(c.attributes['url.full']).endsWith('/whoami'))!;
    expect(tokenRequest.parentSpanId).toBe(whoami.spanId);
    const sso = one(spans, 'sso-emulator', 'POST /auth/realms/:realm/api-access/token');
    expect({
      kind: sso.kind,
      parent: sso.parentSpanId,
      status: sso.attributes['http.response.status_code'],
    }).toEqual({
      kind: 'server',
      parent: tokenRequest.spanId,
      status: 200,
    });
  });

  it('a refusal without a token is a decision on target-api’s span, with its code and no caller', () => {
    const upstream = refusalTrace;
    const span = one(inTrace(upstream.traceId), 'target-api', 'GET /reports');
    expect({ parent: span.parentSpanId, ...span.attributes }).toEqual({
      parent: upstream.spanId,
      'http.request.method': 'GET',
      'url.path': '/reports',
      'http.route': '/reports',
      'http.response.status_code': 401,
      'api_access.decision': 'unauthenticated',
      'api_access.code': 'ERR_TOKEN_MISSING',
    });
  });

  it('no span carries a token or a secret', () => {
    const exported = JSON.stringify(collector.spans);
    expect(collector.spans.length).toBeGreaterThan(10);
    expect(exported).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // a JWT
    expect(exported).not.toMatch(/caller-secret|client_secret|bearer /i);
  });
});
