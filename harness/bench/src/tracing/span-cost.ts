import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { trace } from '@opentelemetry/api';
import { startTracing, traceRequests } from '@cern-sso/tracing';
import { cpuMicros } from '../support/cpu-time.js';
import { median } from '../support/stats.js';
import { DroppingExporter } from './dropping-exporter.js';

/** CPU µs per request of the tracing work alone, in this process, without HTTP. */
export interface SpanCost {
  /** The middleware with tracing off: one read and `next()`. */
  offUs: number;
  /** With the SDK on: continue `traceparent`, start the span, the decision attributes, end it. */
  onUs: number;
  requests: number;
}

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

/**
 * Runs `requests` stand-in requests through `traceRequests()` with the guard's decision step in
 * the middle, tracing off then on; CPU time, the median of 3 passes. Unlike the load figure it
 * does not move with whatever else the machine runs.
 */
export async function measureSpanCost(requests = 20_000): Promise<SpanCost> {
  const offUs = await perRequest(requests);
  const tracing = (await startTracing({ serviceName: 'bench', exporter: new DroppingExporter() }))!;
  try {
    return { offUs, onUs: await perRequest(requests), requests };
  } finally {
    await tracing.shutdown();
  }
}

async function perRequest(requests: number): Promise<number> {
  const middleware = traceRequests();
  const passes: number[] = [];
  for (let pass = 0; pass < 3; pass++) {
    const micros = await cpuMicros(async () => {
      for (let i = 0; i < requests; i++) oneRequest(middleware);
    });
    passes.push(micros / requests);
  }
  return median(passes);
}

function oneRequest(middleware: ReturnType<typeof traceRequests>): void {
  const request = {
    method: 'GET',
    url: '/guarded',
    headers: { traceparent: TRACEPARENT },
    route: { path: '/guarded' },
  } as unknown as IncomingMessage;
  const response = Object.assign(new EventEmitter(), { statusCode: 200 });
  middleware(request, response as unknown as ServerResponse, () => {
    // What ApiAccessGuard's markDecision does for an allowed call.
    const span = trace.getActiveSpan();
    if (span?.isRecording()) {
      span.setAttribute('api_access.decision', 'allowed');
      span.setAttribute('api_access.caller', 'caller');
    }
  });
  response.emit('close');
}
