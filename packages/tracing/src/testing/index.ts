// `@cern-sso/tracing/testing`: what a test needs to assert on spans.
export { SpanRecorder } from './span-recorder.js';
