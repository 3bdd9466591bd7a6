import type { Tracer } from '@opentelemetry/api';

// Undefined while tracing is off: the middleware and the axios wrapper then do nothing but read
// this, so a service without tracing pays one property read per request, not a no-op span.
let current: Tracer | undefined;

/** The tracer `startTracing` set up, or undefined when tracing is off. */
export function activeTracer(): Tracer | undefined {
  return current;
}

export function setActiveTracer(tracer: Tracer | undefined): void {
  current = tracer;
}
