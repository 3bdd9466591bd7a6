import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { type INestApplication } from '@nestjs/common';
import { describeInBrowser, openChromium, type Browser } from '@cern-sso/browser-testing';
import { type RunningEmulator } from '@cern-sso/sso-emulator';
import { startFakeTarget, type FakeTarget } from '@cern-sso/testing-support';
import { startCaller, startTestEmulator } from '../helpers.js';

// The attacks of issue 14 (F2), made by a real browser from a page on another site: each must
// reach the caller and be refused there, and nothing may be written to target-api.

// A real browser on a busy two-core machine: starting it takes seconds, not milliseconds.
const BROWSER_TIMEOUT_MS = 90_000;

describeInBrowser("the caller's cross-site browser tests")(
  'cross-site requests from headless Chromium',
  () => {
    let sso: RunningEmulator;
    let target: FakeTarget;
    let caller: { app: INestApplication; url: string };
    let attacker: Server;
    let attackerUrl: string;
    let browser: Browser;

    /** The attacker's pages: each makes the browser send one request to the caller. */
    const PAGES: Record<string, (caller: string) => string> = {
      '/form': (url) =>
        `<form method="post" action="${url}/reports"><input name="title" value="csrf"></form>` +
        '<script>document.forms[0].submit()</script>',
      '/text-form': (url) =>
        `<form method="post" enctype="text/plain" action="${url}/reports">` +
        `<input name='{"title":"csrf","x":"' value='"}'></form><script>document.forms[0].submit()</script>`,
      '/img': (url) => `<img src="${url}/demo">`,
      '/fetch': (url) =>
        `<script>fetch("${url}/demo", { method: "POST", mode: "no-cors" })</script>`,
    };

    beforeAll(async () => {
      sso = await startTestEmulator();
      target = await startFakeTarget();
      caller = await startCaller({
        SSO_TOKEN_ENDPOINT: `${sso.url}/auth/realms/cern/api-access/token`,
        TARGET_API_URL: target.url,
      });
      attacker = createServer((request, response) =>
        response
          .writeHead(200, { 'content-type': 'text/html' })
          .end(`<!doctype html>${PAGES[request.url!]?.(caller.url) ?? ''}`),
      );
      await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
      // `localhost` and `127.0.0.1` are different sites: the attacker's page is cross-site.
      attackerUrl = `http://localhost:${(attacker.address() as AddressInfo).port}`;
      browser = await openChromium(join(import.meta.dirname, 'artifacts'));
    }, BROWSER_TIMEOUT_MS);
    afterAll(async () => {
      await browser?.close();
      await new Promise((resolve) => attacker?.close(resolve));
      await caller?.app.close();
      await target?.stop();
      await sso?.close();
    }, BROWSER_TIMEOUT_MS);

    /**
     * The status the caller answers the next `method path` with, read on the caller's own server:
     * the browser may not see it (an <img> or a no-cors fetch of a refused answer is blocked).
     */
    function callerAnswer(method: string, path: string): Promise<number> {
      const server = caller.app.getHttpServer() as Server;
      return new Promise((resolve) => {
        const listener = (request: IncomingMessage, response: ServerResponse) => {
          if (request.method !== method || request.url !== path) return;
          server.off('request', listener);
          response.once('finish', () => resolve(response.statusCode));
        };
        server.on('request', listener);
      });
    }

    it.each([
      ['an auto-submitted form', '/form', 'POST', '/reports', 403],
      ['a text/plain form that smuggles JSON', '/text-form', 'POST', '/reports', 403],
      ['an <img> tag', '/img', 'GET', '/demo', 405],
      ['a no-cors fetch', '/fetch', 'POST', '/demo', 403],
    ])(
      'refuses %s from another site and writes nothing',
      async (_case, page, method, path, status) => {
        const answered = callerAnswer(method, path);
        await browser.page.goto(`${attackerUrl}${page}`);
        try {
          expect(await answered).toBe(status);
          expect(target.requests).toEqual([]);
        } catch (error) {
          await browser.screenshot(`cross-site${page.replace('/', '-')}`).catch(() => undefined);
          throw error;
        }
      },
      BROWSER_TIMEOUT_MS,
    );
  },
);
