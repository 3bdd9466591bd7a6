import { createServer, type Server } from 'node:http';
import { type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describeInBrowser, openChromium, type Browser } from '@cern-sso/browser-testing';
import { startTargetApi, type RunningTargetApi } from '../helpers.js';

// Swagger UI under target-api's Content-Security-Policy, in a real browser (issue 14, F6): the
// page works, "Try it out" reaches the API, the policy refuses nothing it needs, and another
// origin cannot frame it.

// A real browser on a busy two-core machine: starting it takes seconds, not milliseconds.
const BROWSER_TIMEOUT_MS = 90_000;

describeInBrowser("target-api's Swagger UI browser test")('Swagger UI in headless Chromium', () => {
  let api: RunningTargetApi;
  let browser: Browser;
  /** Another origin, serving a page that frames Swagger UI (what a clickjacking page does). */
  let framer: Server;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    api = await startTargetApi();
    framer = createServer((_request, response) =>
      response
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<!doctype html><iframe id="docs" src="${api.url}/docs"></iframe>`),
    );
    await new Promise<void>((resolve) => framer.listen(0, '127.0.0.1', resolve));
    browser = await openChromium(join(import.meta.dirname, 'artifacts'));
    browser.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => framer?.close(resolve));
    await api?.close();
  }, BROWSER_TIMEOUT_MS);

  it(
    'Swagger UI renders and calls the API under the CSP, and refuses to be framed',
    async () => {
      const { page } = browser;

      await browser.step('docs-render', async () => {
        const response = await page.goto(`${api.url}/docs`);
        expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
        await page.locator('.swagger-ui .info .title').getByText('target-api').waitFor();
        await page.getByText('/reports/audit').first().waitFor();
      });

      await browser.step('docs-try-it-out', async () => {
        await page.locator('#operations-identity-WhoamiController_whoami').click();
        await page.getByRole('button', { name: 'Try it out' }).click();
        await page.getByRole('button', { name: 'Execute' }).click();
        // No token was authorised: the API's own 401 comes back, so the call went through.
        const live = page.locator('.live-responses-table .response-col_status');
        await live.getByText('401').waitFor();
      });

      await browser.step('docs-no-csp-violation', async () => {
        expect(consoleErrors.filter((text) => /Content Security Policy/i.test(text))).toEqual([]);
      });

      await browser.step('docs-not-framed', async () => {
        const framerUrl = `http://localhost:${(framer.address() as AddressInfo).port}/`;
        const refused = page.waitForEvent('console', (message) =>
          message.text().includes("frame-ancestors 'none'"),
        );
        await page.goto(framerUrl);
        await refused;
        const frame = page.frames().find((candidate) => candidate !== page.mainFrame());
        expect(await frame?.locator('.swagger-ui').count()).toBe(0);
      });
    },
    BROWSER_TIMEOUT_MS,
  );
});
