// Runs the Express example: ISSUER and CLIENT_ID name the SSO realm and this API's client id.
import { AccessTokenVerifier } from '../../src/server/index.js';
import { createExpressApp } from './express-app.js';

const verifier = new AccessTokenVerifier({
  issuer: process.env['ISSUER'] ?? 'http://localhost:8080/auth/realms/cern',
  clientId: process.env['CLIENT_ID'] ?? 'target-api',
});
const server = createExpressApp(verifier).listen(Number(process.env['PORT'] ?? 3002), '127.0.0.1');
server.on('listening', () =>
  process.stdout.write(`Express example on ${JSON.stringify(server.address())}\n`),
);
process.on('SIGTERM', () => server.close(() => verifier.close()));
