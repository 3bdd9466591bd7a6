import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceProcess } from '../src/index.js';

/** A tiny service that behaves like ours: listens on PORT, logs `ready at <url>`. */
async function script(body: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), 'service-process-')), 'main.mjs');
  await writeFile(path, body);
  return path;
}

const server = `import { createServer } from 'node:http';
const server = createServer((_q, r) => r.end(process.env.GREETING));
server.listen(Number(process.env.PORT), '127.0.0.1', () =>
  console.log('ready at http://127.0.0.1:' + server.address().port));
process.on('SIGTERM', () => server.close(() => process.exit(0)));`;

describe('ServiceProcess', () => {
  it('reads the ready line from a JSON log line too (the services log through pino)', async () => {
    const json = server.replace(
      "console.log('ready at http://127.0.0.1:' + server.address().port)",
      "console.log(JSON.stringify({ level: 30, msg: 'ready at http://127.0.0.1:' + server.address().port }))",
    );
    const service = new ServiceProcess({
      name: 'json',
      main: await script(json),
      env: { PORT: '0' },
    });
    try {
      expect(await service.start()).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await service.stop();
    }
  });

  it('waits for the ready line, serves, stops, and starts again', async () => {
    const service = new ServiceProcess({
      name: 'demo',
      main: await script(server),
      env: { PORT: '0', GREETING: 'hi' },
    });
    const url = await service.start();
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await (await fetch(url)).text()).toBe('hi');
    await service.stop();
    // Not "the old URL refuses connections": on a shared machine another process may take the
    // freed port at once. That the process has exited is what stop() promises.
    expect(service.running).toBe(false);
    await service.start({ GREETING: 'again' });
    expect(await (await fetch(service.url)).text()).toBe('again');
    await service.stop();
  });

  it('reports how a killed process ended, and starts again', async () => {
    const service = new ServiceProcess({
      name: 'demo',
      main: await script(server),
      env: { PORT: '0' },
    });
    await service.start();
    expect(service.pid).toEqual(expect.any(Number));
    expect(await service.kill('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(service.pid).toBeUndefined();
    await service.start();
    expect(await service.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    expect(service.running).toBe(false);
    await expect(service.kill('SIGKILL')).rejects.toThrow('demo is not running');
  });

  it('fails with the output when the process exits before it is ready', async () => {
    const service = new ServiceProcess({
      name: 'broken',
      main: await script("console.error('bad config: PORT'); process.exit(3);"),
      env: {},
    });
    await expect(service.start()).rejects.toThrow(
      /broken exited \(3\) before it was ready:[\s\S]*bad config: PORT/,
    );
  });
});
