/**
 * @module web/e2e/browser
 * Debian's Chromium driven by playwright-core (no browser download), headless, with the flags this
 * machine needs: running as root (no sandbox) and no background network traffic.
 */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import { startTestServer, type TestServer } from '../../src/testing/index.js';

export const CHROMIUM_PATH = process.env.PEERLINE_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Signs in through the login form as the demo user holding `role`; resolves on the home page. */
export async function signIn(page: Page, server: TestServer, role: Role): Promise<void> {
  await page.goto(server.url);
  await page.getByLabel('Email').fill(server.emailOf(role));
  await page.getByLabel('Password').fill(server.passwordOf(role));
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
}

export interface BrowserSuite {
  /** The test server of this file, with the demo organisation and known passwords. */
  readonly server: TestServer;
  readonly browser: Browser;
  /** A fresh page in a fresh browser context (no cookies) for each test. */
  readonly page: Page;
}

/**
 * Registers the hooks a browser suite needs — one server and one Chromium per file, a new context per test —
 * and returns accessors valid inside tests.
 */
export function useBrowserSuite(): BrowserSuite {
  let server: TestServer | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let page: Page | undefined;
  beforeAll(async () => {
    server = await startTestServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  beforeEach(async () => {
    context = await browser?.newContext();
    page = await context?.newPage();
  });
  afterEach(async () => {
    await context?.close();
  });
  const ready = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) {
      throw new Error(`${name} is only available inside a test`);
    }
    return value;
  };
  return {
    get server() {
      return ready(server, 'server');
    },
    get browser() {
      return ready(browser, 'browser');
    },
    get page() {
      return ready(page, 'page');
    },
  };
}

/**
 * How many pixels the page itself scrolls sideways (0 when everything fits the viewport's width; tables that
 * scroll inside their own regions do not count).
 */
export function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}
