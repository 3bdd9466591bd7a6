import { context, propagation, trace } from '@opentelemetry/api';
import type { SpanExporter, SpanProcessor } from '@opentelemetry/sdk-trace-node';
import { activeTracer, setActiveTracer } from './active-tracer.js';

export interface TracingOptions {
  /** `service.name` of every span this process makes, e.g. `target-api`. */
  serviceName: string;
  /** OTLP/HTTP collector base URL; spans go to `<url>/v1/traces`. Default: unset (no export). */
  otlpEndpoint?: string | undefined;
  /** Where spans go instead, each as it ends (tests pass an `InMemorySpanExporter`). Default none. */
  exporter?: SpanExporter | undefined;
}

/** Tracing as started: stop it to flush buffered spans and turn it off. */
export interface Tracing {
  /** Exports what is buffered, then unregisters the SDK (the process can start tracing again). */
  shutdown(): Promise<void>;
}

let running: Tracing | undefined;

/**
 * Registers the OpenTelemetry SDK for this process, with W3C `traceparent` propagation, when
 * there is somewhere to send spans: `exporter`, else the OTLP endpoint. With neither it does not
 * even load the SDK and resolves undefined, so a service without a collector pays nothing.
 *
 * @example
 * await startTracing({ serviceName: 'caller', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
 */
export async function startTracing(options: TracingOptions): Promise<Tracing | undefined> {
  const { serviceName, otlpEndpoint, exporter } = options;
  if (typeof serviceName !== 'string' || serviceName.trim() === '') {
    throw new Error(`serviceName: expected a non-empty string, got ${JSON.stringify(serviceName)}`);
  }
  if (otlpEndpoint !== undefined && !isHttpUrl(otlpEndpoint)) {
    throw new Error(`otlpEndpoint: expected an http(s) URL, got ${JSON.stringify(otlpEndpoint)}`);
  }
  if (exporter === undefined && otlpEndpoint === undefined) return undefined;
  const [{ W3CTraceContextPropagator }, { resourceFromAttributes }, { NodeTracerProvider }] =
    await Promise.all([
      import('@opentelemetry/core'),
      import('@opentelemetry/resources'),
      import('@opentelemetry/sdk-trace-node'),
    ]);
  const processor = await spanProcessor(exporter, otlpEndpoint!);
  // Two SDKs in one process would each see half of the spans: a second start is a bug. Checked
  // after the last await, so that two starts at once cannot both pass.
  if (activeTracer() !== undefined) throw new Error('startTracing: tracing is already started');
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [processor],
  });
  // Also installs the AsyncLocalStorage context manager: a span started in a middleware stays
  // current through the handler's awaits, which is what makes the next call its child.
  provider.register({ propagator: new W3CTraceContextPropagator() });
  setActiveTracer(provider.getTracer('@cern-sso/tracing'));
  const tracing: Tracing = {
    shutdown: async () => {
      if (running === tracing) running = undefined;
      setActiveTracer(undefined);
      await provider.shutdown();
      trace.disable();
      context.disable();
      propagation.disable();
    },
  };
  running = tracing;
  return tracing;
}

/**
 * Exports the spans still buffered and stops what `startTracing` started; nothing when tracing is
 * off. A service calls it once its server has closed (Nest: `onApplicationShutdown`), so the
 * spans of its last requests are not lost with the process.
 */
export async function stopTracing(): Promise<void> {
  await running?.shutdown();
}

async function spanProcessor(
  exporter: SpanExporter | undefined,
  otlpEndpoint: string,
): Promise<SpanProcessor> {
  const { BatchSpanProcessor, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
  if (exporter !== undefined) return new SimpleSpanProcessor(exporter);
  // Batched: a request never waits for the collector. Other OTEL_EXPORTER_OTLP_* variables
  // (headers, timeout, compression) are read by the exporter itself.
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  const url = `${otlpEndpoint.replace(/\/+$/, '')}/v1/traces`;
  return new BatchSpanProcessor(new OTLPTraceExporter({ url }));
}

function isHttpUrl(value: unknown): boolean {
  return (
    typeof value === 'string' && URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
  );
}
