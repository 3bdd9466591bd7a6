import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import playwright, { type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (`.ci/run` installs it); playwright's own browser downloads are not used. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** CI sets REQUIRE_BROWSER=1 (`.ci/run`): there, a missing browser fails instead of skipping. */
export const REQUIRE_BROWSER = process.env.REQUIRE_BROWSER === '1';

const HOW_TO_GET_ONE =
  'install Chromium (Debian/Ubuntu: apt-get install chromium; macOS: brew install --cask chromium) or set CHROMIUM_PATH';

/**
 * `describe` when there is a Chromium to drive, or when REQUIRE_BROWSER=1 demands one (the
 * tests then fail in openChromium). Otherwise `describe.skip`, after one line saying what is
 * skipped and how to run it: `pnpm test` must pass on a machine with only Node.
 */
export function describeInBrowser(what: string): jest.Describe {
  if (existsSync(CHROMIUM) || REQUIRE_BROWSER) return describe;
  process.stderr.write(
    `Skipping ${what}: no Chromium at ${CHROMIUM}. To run them, ${HOW_TO_GET_ONE}.\n`,
  );
  return describe.skip;
}

export interface Browser {
  page: Page;
  /** Screenshot `<name>.png` into `artifacts`. */
  screenshot(name: string): Promise<string>;
  /** Runs one step of a test; on failure saves a screenshot named after it and says where. */
  step(name: string, run: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile, quiet: it talks to nothing but the page under test.
 * `artifacts` is the folder failure screenshots go to (CI keeps it).
 */
export async function openChromium(artifacts: string): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}, and REQUIRE_BROWSER=1 makes that a failure: ${HOW_TO_GET_ONE}`,
    );
  }
  const profile = await mkdtemp(join(tmpdir(), 'portal-chromium-'));
  const context: BrowserContext = await playwright.chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const screenshot = async (name: string) => {
    await mkdir(artifacts, { recursive: true });
    const path = join(artifacts, `${name}.png`);
    await page.screenshot({ path, fullPage: true });
    return path;
  };
  return {
    page,
    screenshot,
    async step(name, run) {
      try {
        await run();
      } catch (error) {
        const path = await screenshot(name).catch(() => 'no screenshot');
        throw new Error(`${name} failed (screenshot: ${path}): ${String(error)}`, { cause: error });
      }
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}
