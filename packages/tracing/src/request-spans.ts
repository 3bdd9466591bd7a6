import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { activeTracer } from './active-tracer.js';

/** What Express (and so Nest) leaves on a request it routed: the matched route's template. */
type RoutedRequest = IncomingMessage & { route?: { path?: unknown }; originalUrl?: string };

/**
 * Express/Nest middleware: one SERVER span per request, a child of the caller's span when the
 * request carries a W3C `traceparent`. The span is current while the request is handled, so
 * spans started there (and the guard's decision) land on it. Does nothing while tracing is off.
 *
 * @example
 * app.use(traceRequests());
 */
export function traceRequests() {
  return (request: RoutedRequest, response: ServerResponse, next: () => void): void => {
    const tracer = activeTracer();
    if (tracer === undefined) return next();
    const method = request.method ?? 'GET';
    const parent = propagation.extract(ROOT_CONTEXT, request.headers);
    const span = tracer.startSpan(
      method,
      {
        kind: SpanKind.SERVER,
        // The path only: a query string may carry anything, including what must not be stored.
        attributes: { 'http.request.method': method, 'url.path': pathOf(request) },
      },
      parent,
    );
    response.once('close', () => endRequestSpan(span, method, request, response));
    context.with(trace.setSpan(parent, span), next);
  };
}

function endRequestSpan(
  span: Span,
  method: string,
  request: RoutedRequest,
  response: ServerResponse,
): void {
  // The template (`/reports/:id`), known only once routed: a span name with few distinct values.
  const route = request.route?.path;
  if (typeof route === 'string') {
    span.updateName(`${method} ${route}`);
    span.setAttribute('http.route', route);
  }
  span.setAttribute('http.response.status_code', response.statusCode);
  // OpenTelemetry's HTTP conventions: a 4xx is the client's error, not this server's.
  if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}

function pathOf(request: RoutedRequest): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const query = url.indexOf('?');
  return query === -1 ? url : url.slice(0, query);
}
