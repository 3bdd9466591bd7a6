import {
  context,
  propagation,
  SpanKind,
  SpanStatusCode,
  trace,
  type Span,
} from '@opentelemetry/api';
import axios, { isAxiosError, type AxiosInstance, type AxiosResponse } from 'axios';
import { activeTracer } from './active-tracer.js';

export interface TracedAxiosOptions {
  /** Who is called, in span names (`GET target-api`): a fixed name, not a URL. */
  peer: string;
}

/**
 * Makes every request of `instance` a CLIENT span that sends W3C `traceparent`, and current
 * while the request runs, so a token fetched for it is its child. Returns `instance`.
 *
 * The adapter is wrapped, as `withApiAccess` does, rather than adding interceptors: the span
 * then ends on every path, including errors that no longer carry the request config, and wrapping
 * after `withApiAccess` puts its token fetch and its 401 retry inside this one span.
 *
 * @example
 * const reports = traceAxios(targets.get('reports'), { peer: 'reports-api' });
 */
export function traceAxios(instance: AxiosInstance, options: TracedAxiosOptions): AxiosInstance {
  if (typeof options.peer !== 'string' || options.peer.trim() === '') {
    throw new Error(`peer: expected a non-empty name, got ${JSON.stringify(options.peer)}`);
  }
  const send = axios.getAdapter(instance.defaults.adapter ?? axios.defaults.adapter);
  instance.defaults.adapter = (config) => {
    const tracer = activeTracer();
    if (tracer === undefined) return send(config);
    const method = (config.method ?? 'get').toUpperCase();
    // Scheme, host and path: never the query, never a header (one of them is the token).
    const url = new URL(instance.getUri(config));
    const span = tracer.startSpan(`${method} ${options.peer}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': method,
        'server.address': url.hostname,
        'server.port': Number(url.port || (url.protocol === 'https:' ? 443 : 80)),
        'url.full': `${url.origin}${url.pathname}`,
      },
    });
    const current = trace.setSpan(context.active(), span);
    propagation.inject(current, config.headers, {
      set: (headers, name, value) => headers.set(name, value),
    });
    return context
      .with(current, () => send(config))
      .then(
        (response) => endCall(span, response),
        (error: unknown) => {
          failCall(span, error);
          throw error;
        },
      );
  };
  return instance;
}

function endCall(span: Span, response: AxiosResponse): AxiosResponse {
  span.setAttribute('http.response.status_code', response.status);
  // The token client reads every status itself (validateStatus accepts all): a 4xx still failed.
  if (response.status >= 400) {
    span.setAttributes({ 'error.type': String(response.status) });
    span.setStatus({ code: SpanStatusCode.ERROR });
  }
  span.end();
  return response;
}

function failCall(span: Span, error: unknown): void {
  const status = isAxiosError(error) ? error.response?.status : undefined;
  if (status !== undefined) span.setAttribute('http.response.status_code', status);
  // A stable code (ERR_TARGET_FORBIDDEN, ECONNREFUSED...), never the message: it may name more.
  const code = (error as { code?: unknown } | null)?.code;
  span.setAttribute(
    'error.type',
    typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown',
  );
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.end();
}
