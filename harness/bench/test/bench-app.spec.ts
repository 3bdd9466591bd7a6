import type { INestApplication } from '@nestjs/common';
import {
  startTestIssuer,
  tamperPayload,
  type ServedTestIssuer,
} from '@cern-sso/api-access/testing';
import { createBenchApp } from '../src/server/create-bench-app.js';
import { runLoad } from '../src/server-side/load.js';

// Proves the harness of `pnpm bench` still works, cheaply enough for every CI run: the three
// routes accept the same real RS256 token, both guards really refuse, and a load run that gets
// refusals fails instead of reporting them as throughput.
let idp: ServedTestIssuer;
let app: INestApplication;
let url: string;
let token: string;

beforeAll(async () => {
  idp = await startTestIssuer();
  app = await createBenchApp({ issuer: idp.issuer.issuer, clientId: 'target-api' }, false);
  await app.listen(0, '127.0.0.1');
  url = await app.getUrl();
  token = idp.issuer.mintToken({ azp: 'caller', roles: ['reader'] });
});

afterAll(async () => {
  await app.close();
  await idp.stop();
});

const get = (route: string, bearer?: string) =>
  fetch(`${url}/${route}`, bearer ? { headers: { authorization: `Bearer ${bearer}` } } : {});

describe('bench app', () => {
  it.each(['public', 'guarded', 'tutorial'])('/%s answers 200 to a valid token', async (route) => {
    const response = await get(route, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(await (await get('public')).json());
  });

  it('/public needs no token', async () => {
    expect((await get('public')).status).toBe(200);
  });

  it.each(['guarded', 'tutorial'])('/%s refuses a missing token with 401', async (route) => {
    expect((await get(route)).status).toBe(401);
  });

  it.each(['guarded', 'tutorial'])('/%s refuses a tampered token with 401', async (route) => {
    const forged = tamperPayload(token, { cern_roles: ['admin'], azp: 'ops-bot' });
    expect((await get(route, forged)).status).toBe(401);
  });

  it.each(['guarded', 'tutorial'])('/%s refuses a token for another audience', async (route) => {
    expect((await get(route, idp.issuer.mintToken({ aud: 'other-api' }))).status).toBe(401);
  });

  it('/guarded refuses a valid token without the role with 403', async () => {
    expect((await get('guarded', idp.issuer.mintToken({ roles: [] }))).status).toBe(403);
  });

  it('/memory reports the process RSS', async () => {
    const memory = (await (await get('memory')).json()) as { rss: number };
    expect(memory.rss).toBeGreaterThan(0);
  });
});

describe('runLoad', () => {
  it('sends a different token with each request, all accepted', async () => {
    const tokens = Array.from({ length: 20 }, () => idp.issuer.mintToken({ roles: ['reader'] }));
    let next = 0;
    const result = await runLoad({
      url: `${url}/guarded`,
      nextToken: () => tokens[next++ % tokens.length]!,
      durationSec: 60,
      // A count, not a duration: a busy machine may answer few requests in a second.
      amount: 40,
      connections: 2,
    });
    expect(result.requests).toBe(40);
    expect(next).toBeGreaterThanOrEqual(result.requests);
    expect(result.requestsPerSec).toBeGreaterThan(0);
  });

  it('fails when the route refuses, rather than counting refusals as throughput', async () => {
    const forged = tamperPayload(token, { cern_roles: ['admin'] });
    await expect(
      runLoad({
        url: `${url}/tutorial`,
        nextToken: () => forged,
        durationSec: 60,
        amount: 5,
        connections: 1,
      }),
    ).rejects.toThrow(/non-2xx/);
  });
});
