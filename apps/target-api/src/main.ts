import { Logger } from '@nestjs/common';
import { startTracing } from '@cern-sso/tracing';
import { readTargetApiEnv } from './config/env.schema.js';
import { createApp } from './create-app.js';

const logger = new Logger('target-api');

try {
  const config = readTargetApiEnv(process.env);
  await startTracing({
    serviceName: 'target-api',
    otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT,
  });
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = (await app.getUrl()).replace('[::1]', 'localhost');
  logger.log(`accepting tokens for "${config.API_CLIENT_ID}" from ${config.SSO_ISSUER}`);
  logger.log(`Swagger UI at ${url}/docs`);
  // Scripts and tests wait for this exact line.
  logger.log(`ready at ${url}`);
} catch (error) {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
