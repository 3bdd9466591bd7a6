import { type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { jsonBody, type JsonBodyLimits } from '../src/json-body.js';
import { BodyRefusedError } from '../src/body-refused-error.js';

// jsonBody in a bare Express app on port 0: what reaches the route, and what is refused how.
let server: Server;
let url: string;

const renderRefusal: ErrorRequestHandler = (error: BodyRefusedError, _request, response, _next) => {
  response.status(error.status).json({ code: error.code, message: error.message });
};

async function start(limits?: JsonBodyLimits): Promise<void> {
  const app = express();
  app.use(jsonBody(limits));
  app.post('/', (request, response) => void response.json({ body: request.body ?? null }));
  app.use(renderRefusal);
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}
afterEach(() => new Promise((resolve) => server.close(resolve)));

const post = async (
  body: string | Uint8Array | undefined,
  headers: Record<string, string> = {},
) => {
  const response = await fetch(url, { method: 'POST', headers, body });
  return { status: response.status, body: await response.json() };
};
const json = { 'content-type': 'application/json' };

describe('jsonBody', () => {
  it('parses JSON within the limits', async () => {
    await start({ maxBytes: 100, maxDepth: 2 });
    expect(await post('{"a":[1]}', json)).toEqual({ status: 200, body: { body: { a: [1] } } });
  });

  it('lets a request with no body and no type through untouched', async () => {
    await start();
    expect(await post(undefined)).toEqual({ status: 200, body: { body: null } });
  });

  it.each([
    [
      { ...json },
      '{"a":[[1]]}',
      400,
      'ERR_JSON_TOO_DEEP',
      'JSON nests deeper than 2 levels, the limit for a request body',
    ],
    [
      { ...json },
      `"${'x'.repeat(100)}"`,
      413,
      'ERR_BODY_TOO_LARGE',
      'request body is larger than 100 bytes, the limit',
    ],
    [
      { 'content-type': 'text/plain' },
      '{}',
      415,
      'ERR_BODY_NOT_JSON',
      'Content-Type must be application/json, got "text/plain"',
    ],
    [
      {},
      Buffer.from('{}'),
      415,
      'ERR_BODY_NOT_JSON',
      'Content-Type must be application/json, got none',
    ],
    [
      { 'content-type': 'application/json; charset=utf-16' },
      '{}',
      415,
      'ERR_BODY_NOT_JSON',
      'JSON must be UTF-8, got utf-16',
    ],
  ])('refuses %j %s with %i %s', async (headers, body, status, code, message) => {
    await start({ maxBytes: 100, maxDepth: 2 });
    expect(await post(body, headers)).toEqual({ status, body: { code, message } });
  });

  it('names every bad limit at construction', () => {
    expect(() => jsonBody({ maxBytes: 0, maxDepth: 1.5 })).toThrow(
      'jsonBody: maxBytes: expected an integer >= 1, got 0; maxDepth: expected an integer >= 1, got 1.5',
    );
  });
});
