/**
 * @module web/e2e/browser
 * Debian's Chromium driven by playwright-core (no browser download), headless, with the flags this
 * machine needs: running as root (no sandbox) and no background network traffic.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import type { TestServer } from '../../src/testing/index.js';

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
