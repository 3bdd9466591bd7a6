import { Logger } from '@nestjs/common';
import { startTracing, traceRequests } from '@cern-sso/tracing';
import { DroppingExporter } from '../tracing/dropping-exporter.js';
import { createBenchApp } from './create-bench-app.js';

const logger = new Logger('bench-server');

// Started by the runner only, which always sets these; no schema needed beyond a presence check.
const issuer = process.env.SSO_ISSUER;
const clientId = process.env.API_CLIENT_ID ?? 'target-api';
if (issuer === undefined) {
  logger.error('SSO_ISSUER is required');
  process.exit(1);
}
// BENCH_TRACING=1: the tracing figure's server, with the OpenTelemetry SDK on and spans dropped.
const tracing =
  process.env.BENCH_TRACING === '1'
    ? await startTracing({ serviceName: 'bench-server', exporter: new DroppingExporter() })
    : undefined;
const app = await createBenchApp({ issuer, clientId });
if (tracing) app.use(traceRequests());
// Exit normally on SIGTERM (Nest's shutdown hooks re-raise the signal): `--cpu-prof` writes its
// profile only on a normal exit.
process.once('SIGTERM', () => void app.close().finally(() => process.exit(0)));
await app.listen(Number(process.env.PORT ?? 0), '127.0.0.1');
// The runner waits for this exact line, as for the demo services.
logger.log(`ready at ${await app.getUrl()}`);
