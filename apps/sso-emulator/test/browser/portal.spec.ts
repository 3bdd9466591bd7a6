import { type RunningEmulator } from '../../src/emulator.js';
import { ADMIN_SECRET, startTestEmulator } from '../helpers.js';
import { join } from 'node:path';
import { describeInBrowser, openChromium, type Browser } from '@cern-sso/browser-testing';

// A real browser on a busy two-core machine: starting it takes seconds, not milliseconds.
const BROWSER_TIMEOUT_MS = 90_000;

describeInBrowser("the portal's browser tests")('the portal in headless Chromium', () => {
  let emulator: RunningEmulator;
  let browser: Browser;
  /** What the browser reported refusing (a CSP violation shows up here). */
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    emulator = await startTestEmulator();
    browser = await openChromium(join(import.meta.dirname, 'artifacts'));
    browser.page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, BROWSER_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await emulator?.close();
  }, BROWSER_TIMEOUT_MS);

  it(
    'lists, gets a verified token, reads it back, and rotates the keys in headless Chromium',
    async () => {
      const { page } = browser;

      await browser.step('portal-listing', async () => {
        await page.goto(`${emulator.url}/`);
        expect(await page.title()).toBe('SSO emulator portal');
        const row = page.getByRole('row', { name: /auditor-bot target-api-auditors → audit-apps/ });
        expect(await row.count()).toBe(1);
        // The stylesheet is inline and allowed only by its hash: applied means the policy lets it in.
        expect(await page.evaluate('getComputedStyle(document.body).maxWidth')).toBe('1152px');
      });

      await browser.step('portal-token', async () => {
        await page.getByLabel('Calling application').selectOption('auditor-bot');
        await page.getByLabel('Its client secret').fill('auditor-bot-secret');
        await page.getByLabel('Audience (the target application)').selectOption('target-api');
        await page.getByRole('button', { name: 'Get token' }).click();
        await page.waitForURL(/\/portal\/token#token-result$/);
        const status = await page.locator('#token-signature').innerText();
        expect(status).toContain(`Signature verified with key ${emulator.keys.current.kid}`);
        const claims = JSON.parse(await page.locator('#token-claims').innerText()) as Record<
          string,
          unknown
        >;
        expect(claims).toMatchObject({
          azp: 'auditor-bot',
          aud: 'target-api',
          cern_roles: ['reader', 'auditor'],
        });
        expect(await page.getByLabel('Its client secret').inputValue()).toBe('');
      });

      await browser.step('portal-read', async () => {
        const token = await page.locator('#token-jwt').inputValue();
        await page.getByLabel('A token (for example $TOKEN from the CLI)').fill(token);
        await page.getByRole('button', { name: 'Read token' }).click();
        await page.waitForURL(/\/portal\/inspect#inspect-result$/);
        expect(await page.locator('#inspected-signature').innerText()).toContain(
          `Signature verified with key ${emulator.keys.current.kid}`,
        );
      });

      await browser.step('portal-rotate', async () => {
        const before = emulator.keys.current.kid;
        await page.getByLabel('Admin secret (SSO_ADMIN_SECRET)').fill(ADMIN_SECRET);
        await page.getByRole('button', { name: 'Rotate keys' }).click();
        await page.waitForURL(/\/portal\/keys\/rotate#keys$/);
        const now = emulator.keys.current.kid;
        expect(now).not.toBe(before);
        expect(await page.getByRole('status').innerText()).toContain(
          `Rotated: ${now} signs new tokens`,
        );
        const rows = await page.locator('#key-list tr').allInnerTexts();
        expect(rows.map((text) => text.replace(/\s+/g, ' ').trim())).toEqual([
          `${now} current: signs new tokens`,
          `${before} previous: still verifies tokens it signed`,
        ]);
      });

      expect(consoleErrors).toEqual([]);
    },
    BROWSER_TIMEOUT_MS,
  );
});
