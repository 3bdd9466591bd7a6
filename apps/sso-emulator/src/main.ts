import { Logger } from '@nestjs/common';
import { startTracing } from '@cern-sso/tracing';
import { parseEmulatorEnv } from './config/env.schema.js';
import { startEmulator } from './emulator.js';

const logger = new Logger('SSO emulator');

try {
  const config = parseEmulatorEnv(process.env);
  logger.warn(
    'DEVELOPMENT ONLY: this is a local stand-in for CERN SSO. Its demo secrets are public; never use it to protect anything real.',
  );
  await startTracing({ serviceName: 'sso-emulator', otlpEndpoint: config.otlpEndpoint });
  const emulator = await startEmulator({ config });
  const { issuer } = emulator.realm;
  logger.log(`issuer ${issuer}`);
  logger.log(`API Access token endpoint ${issuer}/api-access/token`);
  logger.log(`admin API ${config.adminSecret ? 'enabled' : 'disabled (set SSO_ADMIN_SECRET)'}`);
  // Scripts and tests wait for this exact line.
  logger.log(`ready at ${emulator.url}`);
} catch (error) {
  logger.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
