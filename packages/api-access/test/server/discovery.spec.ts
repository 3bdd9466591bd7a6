import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { discoverJwksUri } from '../../src/server/discovery.js';

// A discovery document that answers what each test says, on 127.0.0.1:0.
let server: Server;
let answer: { status: number; body: unknown };
let base: string;
beforeAll(async () => {
  server = createServer((_request, response) => {
    response.writeHead(answer.status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/test`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

it('reads jwks_uri from a document for the same issuer', async () => {
  answer = { status: 200, body: { issuer: base, jwks_uri: 'https://keys.example/jwks' } };
  await expect(discoverJwksUri(base, 2000)).resolves.toBe('https://keys.example/jwks');
});

it.each([
  [404, { issuer: 'x' }, 'HTTP 404'],
  [
    200,
    { issuer: 'https://other.example', jwks_uri: 'https://k' },
    'issuer is "https://other.example", not',
  ],
  [200, { jwks_uri: 'https://k' }, 'issuer is undefined, not'],
  [200, { issuer: 'ISSUER', jwks_uri: 'file:///etc/keys' }, 'jwks_uri is not an http(s) URL'],
  [200, ['not', 'an', 'object'], 'issuer is undefined'],
])('refuses HTTP %i with %j, naming the URL and the problem', async (status, body, problem) => {
  answer = {
    status,
    body: JSON.parse(JSON.stringify(body).replace('"ISSUER"', JSON.stringify(base))),
  };
  await expect(discoverJwksUri(base, 2000)).rejects.toThrow(
    `GET ${base}/.well-known/openid-configuration: ${problem}`,
  );
});
