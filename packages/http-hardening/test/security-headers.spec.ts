import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import express from 'express';
import { API_CSP, securityHeaders } from '../src/security-headers.js';

describe('securityHeaders', () => {
  let server: Server;
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('sends helmet headers with the API policy and no X-Powered-By', async () => {
    const app = express();
    app.use(securityHeaders());
    app.get('/', (_request, response) => void response.json({}));
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toBe(
      "default-src 'none';base-uri 'none';form-action 'none';frame-ancestors 'none'",
    );
  });

  it.each([undefined, ["'self'"], ['https://portal.example']])(
    'refuses at construction a policy whose frameAncestors is %j',
    (frameAncestors) => {
      const csp = { ...API_CSP, frameAncestors: frameAncestors! };
      if (frameAncestors === undefined) delete (csp as Partial<typeof csp>).frameAncestors;
      expect(() => securityHeaders(csp)).toThrow(
        /^securityHeaders: frameAncestors: expected \["'none'"\], got/,
      );
    },
  );
});
