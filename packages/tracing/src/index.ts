export { startTracing, stopTracing, type Tracing, type TracingOptions } from './start-tracing.js';
export { traceRequests } from './request-spans.js';
export { traceAxios, type TracedAxiosOptions } from './traced-axios.js';
export { TRACING_ENV } from './tracing-env.js';
