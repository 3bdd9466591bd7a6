import { createServer } from 'node:http';

/** One span as a collector received it over OTLP/HTTP (JSON), with its service's name. */
export interface CollectedSpan {
  service: string;
  name: string;
  kind: 'server' | 'client' | 'internal' | 'producer' | 'consumer';
  traceId: string;
  spanId: string;
  parentSpanId: string | undefined;
  attributes: Record<string, string | number | boolean>;
}

export interface OtlpCollector {
  /** Base URL, for OTEL_EXPORTER_OTLP_ENDPOINT. */
  url: string;
  /** Every span received so far. */
  readonly spans: readonly CollectedSpan[];
  /** Resolves once the spans received satisfy `done` (checked on every export). */
  until(done: (spans: readonly CollectedSpan[]) => boolean): Promise<void>;
  close(): Promise<void>;
}

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  boolValue?: boolean;
  doubleValue?: number;
}
interface OtlpAttribute {
  key: string;
  value: OtlpValue;
}
interface OtlpSpan {
  name: string;
  kind: number;
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  attributes?: OtlpAttribute[];
}
interface OtlpExport {
  resourceSpans: {
    resource: { attributes: OtlpAttribute[] };
    scopeSpans: { spans: OtlpSpan[] }[];
  }[];
}

const KINDS = ['internal', 'internal', 'server', 'client', 'producer', 'consumer'] as const;

/**
 * The receiving end of OTLP/HTTP with JSON bodies (what @opentelemetry/exporter-trace-otlp-http
 * sends), on 127.0.0.1 port 0: just enough of a collector to see what the services export.
 */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: CollectedSpan[] = [];
  const waiters: { done: (spans: readonly CollectedSpan[]) => boolean; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.method === 'POST' && request.url === '/v1/traces') {
        spans.push(...collect(JSON.parse(body) as OtlpExport));
        for (const waiter of waiters.filter((w) => w.done(spans))) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
      response.setHeader('content-type', 'application/json');
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    spans,
    until: (done) =>
      done(spans) ? Promise.resolve() : new Promise((resolve) => waiters.push({ done, resolve })),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function collect(body: OtlpExport): CollectedSpan[] {
  return body.resourceSpans.flatMap(({ resource, scopeSpans }) => {
    const service = String(attributesOf(resource.attributes)['service.name']);
    return scopeSpans.flatMap(({ spans }) =>
      spans.map((span) => ({
        service,
        name: span.name,
        kind: KINDS[span.kind] ?? 'internal',
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId || undefined,
        attributes: attributesOf(span.attributes ?? []),
      })),
    );
  });
}

function attributesOf(list: OtlpAttribute[]): Record<string, string | number | boolean> {
  return Object.fromEntries(
    list.map(({ key, value }) => [
      key,
      value.stringValue ?? value.boolValue ?? value.doubleValue ?? Number(value.intValue),
    ]),
  );
}
