// Runs the plain `http` example: ISSUER and CLIENT_ID name the SSO realm and this API's client id.
import { AccessTokenVerifier } from '../../src/server/index.js';
import { createHttpServer } from './http-server.js';

const verifier = new AccessTokenVerifier({
  issuer: process.env['ISSUER'] ?? 'http://localhost:8080/auth/realms/cern',
  clientId: process.env['CLIENT_ID'] ?? 'target-api',
});
const server = createHttpServer(verifier).listen(Number(process.env['PORT'] ?? 3003), '127.0.0.1');
server.on('listening', () =>
  process.stdout.write(`http example on ${JSON.stringify(server.address())}\n`),
);
process.on('SIGTERM', () => server.close(() => verifier.close()));
