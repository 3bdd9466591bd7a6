import type { ExportResult } from '@opentelemetry/core';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-node';

interface Waiter {
  matches: (span: ReadableSpan) => boolean;
  resolve: (span: ReadableSpan) => void;
}

/**
 * An in-memory exporter a test can wait on. A server span ends when the response has been
 * sent, which may be after the client has read it: `span(name)` waits for the span to end
 * instead of reading the exporter at a moment that races the server.
 */
export class SpanRecorder extends InMemorySpanExporter {
  #waiters: Waiter[] = [];

  override export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    super.export(spans, resultCallback);
    for (const span of spans) {
      for (const waiter of this.#waiters.filter((w) => w.matches(span))) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(span);
      }
    }
  }

  /** The first ended span named `name` (in `traceId`, when given), as soon as it has ended. */
  span(name: string, traceId?: string): Promise<ReadableSpan> {
    const matches = (span: ReadableSpan) =>
      span.name === name && (traceId === undefined || span.spanContext().traceId === traceId);
    const ended = this.getFinishedSpans().find(matches);
    if (ended !== undefined) return Promise.resolve(ended);
    return new Promise((resolve) => this.#waiters.push({ matches, resolve }));
  }
}
