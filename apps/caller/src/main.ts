import { Logger } from '@nestjs/common';
import { startTracing } from '@cern-sso/tracing';
import { readCallerEnv } from './config/env.schema.js';
import { createApp } from './create-app.js';

const logger = new Logger('caller');

try {
  const config = readCallerEnv(process.env);
  await startTracing({ serviceName: 'caller', otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const app = await createApp(config);
  await app.listen(config.PORT, config.HOST);
  const url = await app.getUrl();
  logger.log(`"${config.CALLER_CLIENT_ID}" gets tokens from ${config.SSO_TOKEN_ENDPOINT}`);
  logger.log(
    `calls ${config.TARGET_API_URL} with audience "${config.TARGET_API_AUDIENCE}"; demo: POST ${url}/demo`,
  );
  logger.log(`asks ${config.AUTHZ_API_URL} who it is; see ${url}/me`);
  // Scripts and tests wait for this exact line.
  logger.log(`ready at ${url}`);
} catch (error) {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
