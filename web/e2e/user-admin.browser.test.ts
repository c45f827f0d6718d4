/**
 * Browser suite: an admin manages users in Chromium — adds one (after a refused common password), the new
 * user signs in, the admin deactivates them after confirming, and the refusal shows at the next sign-in;
 * the audit log, filtered to that user's record, shows what happened. The cases run in order and build on
 * each other, as an admin's morning would.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { roleLabel } from '../../src/shared/roles.js';
import { signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

const NEW_USER = {
  email: 'casey.new@demo.peerline.test',
  name: 'Casey Newcomb',
  password: 'amber kettle harbour 19',
};

async function signInWith(target: Page, email: string, password: string): Promise<void> {
  await target.goto(suite.server.url);
  await target.getByLabel('Email').fill(email);
  await target.getByLabel('Password').fill(password);
  await target.getByRole('button', { name: 'Sign in' }).click();
}

describe('user administration', () => {
  it('adds a user after refusing a common password, and the new user can sign in', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: 'Add a user' }).click();
    await page.getByLabel('Email').fill(NEW_USER.email);
    await page.getByLabel('Display name').fill(NEW_USER.name);
    await page.getByLabel(roleLabel('peer')).check();
    await page.getByLabel('Initial password').fill('Password2026!');
    await page.getByRole('button', { name: 'Add user' }).click();
    // The server's refusal shows in plain words; nothing is created.
    await expect.poll(() => page.getByText(/found in data breaches/).count()).toBeGreaterThan(0);
    await page.getByLabel('Initial password').fill(NEW_USER.password);
    await page.getByRole('button', { name: 'Add user' }).click();
    await expect.poll(() => page.getByRole('link', { name: NEW_USER.name }).count()).toBe(1);

    const other = await suite.browser.newContext();
    const otherPage = await other.newPage();
    await signInWith(otherPage, NEW_USER.email, NEW_USER.password);
    await expect
      .poll(() => otherPage.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Hello, ${NEW_USER.name}`);
    await other.close();
  });

  it('deactivates the user after confirmation; they can no longer sign in', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await page.getByRole('link', { name: NEW_USER.name }).click();
    await page.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByRole('button', { name: 'Yes, deactivate' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Reactivate account' }).count()).toBe(1);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInWith(page, NEW_USER.email, NEW_USER.password);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('The email or password is not right');
  });

  it("shows the user's record history in the audit log, filtered by record", async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    const users = await server.store.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', NEW_USER.email)
      .execute();
    const userId = users[0]?.id ?? '';
    await page.goto(`${server.url}/audit?recordType=user&recordId=${userId}`);
    const rows = page.getByRole('row');
    await expect.poll(async () => (await rows.allTextContents()).join('\n')).toContain('user.deactivate');
    const text = (await rows.allTextContents()).join('\n');
    expect(text).toContain('user.create');
    expect(text).toContain('user.deactivate');
    expect(text).not.toContain('auth.logout');
  });
});
