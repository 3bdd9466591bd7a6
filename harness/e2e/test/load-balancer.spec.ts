import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { LoadBalancer, nginxInstalled } from '../src/scale/load-balancer.js';
import { startCountingProxy } from '../src/scale/counting-proxy.js';

/** A stand-in replica: answers its own name (with `status`), and records what reached it. */
async function replica(
  name: string,
  status = 200,
): Promise<{ server: Server; host: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    response.writeHead(status).end(name);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, host: `127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}
const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

const installed = nginxInstalled();
if (!installed)
  process.stderr.write(
    'SKIPPED load balancer: /usr/sbin/nginx is missing (apt-get install nginx)\n',
  );
const withNginx = installed ? describe : describe.skip;

withNginx("the scale test's nginx (from scale/nginx.conf.template)", () => {
  it('spreads calls over the replicas, and sends every GET to a live one when one is down', async () => {
    const [one, two] = [await replica('one'), await replica('two')];
    const balancer = await LoadBalancer.start([one.host, two.host]);
    try {
      const names = await Promise.all(
        [1, 2, 3, 4].map(async () => (await fetch(`${balancer.url}/reports`)).text()),
      );
      expect(new Set(names)).toEqual(new Set(['one', 'two']));

      await close(one.server);
      const statuses = await Promise.all(
        Array.from({ length: 6 }, async () => (await fetch(`${balancer.url}/reports`)).status),
      );
      expect(statuses).toEqual([200, 200, 200, 200, 200, 200]);
    } finally {
      await balancer.stop();
      await close(two.server);
    }
  });

  it('retries a GET answered 503 on the next replica, and never re-sends a POST', async () => {
    const [busy, ok] = [await replica('busy', 503), await replica('ok')];
    // A fresh balancer each time: after a 503 nginx rests that replica for 2 s.
    let balancer = await LoadBalancer.start([busy.host, ok.host]);
    try {
      const gets = [];
      for (let n = 1; n <= 2; n++)
        gets.push(await (await fetch(`${balancer.url}/r?n=${n}`)).text());
      // Round robin sends one GET to the busy replica first; the client sees only "ok".
      expect(gets).toEqual(['ok', 'ok']);
      expect(busy.seen).toHaveLength(1);
      await balancer.stop();

      balancer = await LoadBalancer.start([busy.host, ok.host]);
      const posts = [];
      for (let n = 1; n <= 2; n++) {
        posts.push((await fetch(`${balancer.url}/r?n=${n}`, { method: 'POST' })).status);
      }
      // The POST that reached the busy replica gets its 503, and no other replica sees it.
      expect(posts.sort()).toEqual([200, 503]);
      const postsSeen = [...busy.seen, ...ok.seen].filter((line) => line.startsWith('POST'));
      expect(postsSeen.sort()).toEqual(['POST /r?n=1', 'POST /r?n=2']);
    } finally {
      await balancer.stop();
      await Promise.all([close(busy.server), close(ok.server)]);
    }
  });
});

describe('the counting proxy in front of the SSO', () => {
  it('forwards requests unchanged and counts token requests and JWKS fetches', async () => {
    const sso = await replica('sso');
    const proxy = await startCountingProxy(() => `http://${sso.host}`);
    try {
      const realm = '/auth/realms/cern';
      expect(await (await fetch(`${proxy.url}${realm}/protocol/openid-connect/certs`)).text()).toBe(
        'sso',
      );
      await fetch(`${proxy.url}${realm}/api-access/token`, {
        method: 'POST',
        body: 'grant_type=x',
      });
      await fetch(`${proxy.url}${realm}/.well-known/openid-configuration`);
      expect(proxy.counts).toEqual({ tokenRequests: 1, jwksFetches: 1 });
      expect(sso.seen).toEqual([
        `GET ${realm}/protocol/openid-connect/certs`,
        `POST ${realm}/api-access/token`,
        `GET ${realm}/.well-known/openid-configuration`,
      ]);
      await close(sso.server);
      expect((await fetch(`${proxy.url}${realm}/protocol/openid-connect/certs`)).status).toBe(502);
    } finally {
      await proxy.stop();
    }
  });
});
