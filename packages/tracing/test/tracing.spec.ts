import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import axios from 'axios';
import {
  startTracing,
  stopTracing,
  traceAxios,
  traceRequests,
  type Tracing,
} from '../src/index.js';
import { SpanRecorder } from '../src/testing/index.js';
import { echoHeaders, listen, readBody, type Listening } from './support/servers.js';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

let echo: Listening;
beforeAll(async () => {
  echo = await listen(echoHeaders);
});
afterAll(() => echo.close());

/** A service: each request is traced and calls `echo` through a traced axios instance. */
async function relayService(): Promise<Listening> {
  const downstream = traceAxios(axios.create({ baseURL: echo.url }), { peer: 'echo' });
  const middleware = traceRequests();
  return listen((request, response) =>
    middleware(request, response, () => {
      void downstream.get('/echo?secret=not-in-spans').then(({ data }) => {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify(data));
      });
    }),
  );
}

describe('with tracing off (no exporter, no OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('starts nothing, and requests pass through with no traceparent added', async () => {
    expect(await startTracing({ serviceName: 'relay', otlpEndpoint: undefined })).toBeUndefined();
    const relay = await relayService();
    try {
      const { data } = await axios.get<Record<string, string>>(relay.url);
      expect(data.traceparent).toBeUndefined();
      // An incoming traceparent is not forwarded by itself either: only a span forwards one.
      const forwarded = await axios.get<Record<string, string>>(relay.url, {
        headers: { traceparent: TRACEPARENT },
      });
      expect(forwarded.data.traceparent).toBeUndefined();
    } finally {
      await relay.close();
    }
  });
});

describe('with tracing on', () => {
  const exporter = new SpanRecorder();
  let tracing: Tracing;
  let relay: Listening;
  beforeAll(async () => {
    tracing = (await startTracing({ serviceName: 'relay', exporter }))!;
    relay = await relayService();
  });
  afterAll(async () => {
    await relay.close();
    await tracing.shutdown();
  });
  beforeEach(() => exporter.reset());

  // Waits for the span to end (a server span may end after its client has the answer), and
  // checks it is the only one of that name.
  const spanNamed = async (name: string) => {
    const span = await exporter.span(name);
    expect(exporter.getFinishedSpans().filter((s) => s.name === name)).toEqual([span]);
    return span;
  };

  it('continues the caller’s trace and passes it on: server span -> client span -> traceparent', async () => {
    const { data } = await axios.get<Record<string, string>>(`${relay.url}/in?q=1`, {
      headers: { traceparent: TRACEPARENT },
    });

    const server = await spanNamed('GET');
    const client = await spanNamed('GET echo');
    expect({
      kind: server.kind,
      traceId: server.spanContext().traceId,
      parent: server.parentSpanContext?.spanId,
      attributes: server.attributes,
    }).toEqual({
      kind: SpanKind.SERVER,
      traceId: TRACE_ID,
      parent: CALLER_SPAN_ID,
      attributes: {
        'http.request.method': 'GET',
        'url.path': '/in',
        'http.response.status_code': 200,
      },
    });
    expect({
      kind: client.kind,
      traceId: client.spanContext().traceId,
      parent: client.parentSpanContext?.spanId,
      attributes: client.attributes,
    }).toEqual({
      kind: SpanKind.CLIENT,
      traceId: TRACE_ID,
      parent: server.spanContext().spanId,
      attributes: {
        'http.request.method': 'GET',
        'server.address': '127.0.0.1',
        'server.port': Number(new URL(echo.url).port),
        'url.full': `${echo.url}/echo`,
        'http.response.status_code': 200,
      },
    });
    // What the downstream service received: the client span as its parent, sampled.
    expect(data.traceparent).toBe(`00-${TRACE_ID}-${client.spanContext().spanId}-01`);
  });

  it('starts a new trace for a request without traceparent', async () => {
    await axios.get(relay.url);
    const server = await spanNamed('GET');
    expect(server.parentSpanContext).toBeUndefined();
    expect((await spanNamed('GET echo')).spanContext().traceId).toBe(server.spanContext().traceId);
  });

  it('marks a call that got no answer as failed, with the socket error’s code', async () => {
    const closed = await listen(echoHeaders);
    await closed.close();
    const http = traceAxios(axios.create({ baseURL: closed.url }), { peer: 'gone' });
    await expect(http.get('/x')).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    const span = await spanNamed('GET gone');
    expect({ status: span.status.code, errorType: span.attributes['error.type'] }).toEqual({
      status: SpanStatusCode.ERROR,
      errorType: 'ECONNREFUSED',
    });
  });

  it('marks a call answered with a 4xx as failed', async () => {
    const teapot = await listen((_request, response) => {
      response.statusCode = 418;
      response.end();
    });
    try {
      const http = traceAxios(axios.create({ baseURL: teapot.url, validateStatus: () => true }), {
        peer: 'teapot',
      });
      expect((await http.post('/brew')).status).toBe(418);
      const span = await spanNamed('POST teapot');
      expect([span.status.code, span.attributes['http.response.status_code']]).toEqual([
        SpanStatusCode.ERROR,
        418,
      ]);
    } finally {
      await teapot.close();
    }
  });

  it('refuses a second start in the same process', async () => {
    await expect(startTracing({ serviceName: 'again', exporter })).rejects.toThrow(
      'startTracing: tracing is already started',
    );
  });
});

describe('OTLP export (OTEL_EXPORTER_OTLP_ENDPOINT)', () => {
  it('sends the spans to <endpoint>/v1/traces with the service name; stopTracing flushes them', async () => {
    const received: { path: string | undefined; body: string }[] = [];
    const collector = await listen((request, response) => {
      void readBody(request).then((body) => {
        received.push({ path: request.url, body });
        response.setHeader('content-type', 'application/json');
        response.end('{}');
      });
    });
    await startTracing({ serviceName: 'relay', otlpEndpoint: collector.url });
    const relay = await relayService();
    try {
      await axios.get(relay.url);
    } finally {
      await relay.close();
      // Batched spans wait up to 5 s for their export: stopping sends them now.
      await stopTracing();
      await collector.close();
    }
    expect(received.map((request) => request.path)).toEqual(['/v1/traces']);
    const { resourceSpans } = JSON.parse(received[0]!.body) as {
      resourceSpans: {
        resource: { attributes: { key: string; value: { stringValue?: string } }[] };
        scopeSpans: { spans: { name: string }[] }[];
      }[];
    };
    const resource = resourceSpans[0]!.resource.attributes;
    expect(resource.find((a) => a.key === 'service.name')?.value.stringValue).toBe('relay');
    const names = resourceSpans.flatMap((r) =>
      r.scopeSpans.flatMap((s) => s.spans.map((x) => x.name)),
    );
    expect(names.sort()).toEqual(['GET', 'GET echo']);
  });
});

describe('misconfiguration fails at start, naming the option', () => {
  it.each([
    [{ serviceName: '' }, 'serviceName: expected a non-empty string, got ""'],
    [
      { serviceName: 'x', otlpEndpoint: 'localhost:4318' },
      'otlpEndpoint: expected an http(s) URL, got "localhost:4318"',
    ],
  ])('%j', async (options, message) => {
    await expect(startTracing(options)).rejects.toThrow(message);
  });

  it('an unnamed peer', () => {
    expect(() => traceAxios(axios.create(), { peer: ' ' })).toThrow(
      'peer: expected a non-empty name, got " "',
    );
  });
});
