// Public surface of `@cern-sso/observability/testing`: capture a service's logs in a test.
export { captureLogs, type CapturedLogs, type LogLine } from './captured-logs.js';
