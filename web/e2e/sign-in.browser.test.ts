/**
 * Browser suite: signing in and out in Chromium, each role's home, a wrong password, the admin's audit log
 * of their own sign-in, the admin changing the payers a program bills from its card on the home page, and the
 * pages at phone width and by keyboard alone.
 */
import { describe, expect, it } from 'vitest';
import { ROLES, roleLabel } from '../../src/shared/roles.js';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

describe('signing in', () => {
  it.each(ROLES)('%s signs in and sees their home, with navigation for their role', async (role) => {
    const { page, server } = suite;
    await signIn(page, server, role);
    const login = server.demo.logins.find((entry) => entry.role === role);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Hello, ${login?.displayName}`);
    await expect.poll(() => page.getByText(roleLabel(role), { exact: true }).count()).toBeGreaterThan(0);
    // Every role sees the organisation's four programs.
    await expect.poll(() => page.getByRole('heading', { name: 'Programs' }).count()).toBe(1);
    const nav = page.getByRole('navigation', { name: 'Main' });
    const adminLinks = await nav.getByRole('link', { name: 'Audit log' }).count();
    expect(adminLinks).toBe(role === 'admin' ? 1 : 0);
    expect(await nav.getByRole('link', { name: 'Users' }).count()).toBe(role === 'admin' ? 1 : 0);
  });

  it('shows a plain message for a wrong password and stays on the sign-in page', async () => {
    const { page, server } = suite;
    await page.goto(server.url);
    await page.getByLabel('Email').fill(server.emailOf('peer'));
    await page.getByLabel('Password').fill('this is not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The email or password is not right');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Sign in to Peerline');
  });

  it('names an empty field beside the field itself', async () => {
    const { page, server } = suite;
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByText('Enter your email address.').count()).toBeGreaterThan(0);
  });

  it('signs out back to the sign-in page, and the old session no longer works', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'supervisor');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Sign in to Peerline');
    const status = await page.evaluate(async () => (await fetch('/api/v1/auth/session')).status);
    expect(status).toBe(401);
  });

  it('the admin signs in and finds that sign-in in the audit log', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
    const rows = page.getByRole('row');
    await expect
      .poll(async () =>
        (await rows.allTextContents()).some(
          (text) => text.includes('auth.login') && text.includes(server.emailOf('admin')),
        ),
      )
      .toBe(true);
  });

  it('signs in by keyboard alone', async () => {
    const { page, server } = suite;
    await page.goto(server.url);
    await page.getByLabel('Email').focus();
    await page.keyboard.type(server.emailOf('billing'));
    await page.keyboard.press('Tab');
    await page.keyboard.type(server.passwordOf('billing'));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
  });
});

describe('the payers a program bills', () => {
  it('an admin changes a program’s payers on its card; the card and the server show the new list', async () => {
    const { page, server } = suite;
    const programs = await server.store.db.selectFrom('programs').select(['name', 'payer_packs']).execute();
    const kansas = programs.find((program) => program.payer_packs.join() === 'ks-pahp');
    if (kansas === undefined) {
      throw new Error('the demo organisation has no program billing only ks-pahp');
    }
    await signIn(page, server, 'admin');
    const card = page.getByRole('article', { name: kansas.name });
    await card.getByRole('button', { name: `Change payers of ${kansas.name}` }).click();
    const payers = card.getByRole('group', { name: `Payers ${kansas.name} bills` });
    // The program's own payer is listed first, checked; the others follow, unchecked.
    expect(await payers.getByRole('checkbox').first().getAttribute('value')).toBe('ks-pahp');
    expect(await payers.getByLabel('Kansas Mental Health PAHP').isChecked()).toBe(true);
    expect(await payers.getByLabel('WellCare of North Carolina').isChecked()).toBe(false);

    // A program must bill someone: the form says so before anything is sent.
    await payers.getByLabel('Kansas Mental Health PAHP').uncheck();
    await card.getByRole('button', { name: 'Save payers' }).click();
    await expect
      .poll(() => card.getByText('Choose at least one payer this program bills.').count())
      .toBeGreaterThan(0);

    await payers.getByLabel('Kansas Mental Health PAHP').check();
    await payers.getByLabel('WellCare of North Carolina').check();
    await card.getByRole('button', { name: 'Save payers' }).click();
    await expect
      .poll(() => card.getByRole('status').textContent())
      .toBe(`Saved: ${kansas.name} bills Kansas Mental Health PAHP and WellCare of North Carolina.`);
    const shown = card.getByRole('definition').filter({ has: page.getByRole('list') });
    expect(await shown.getByRole('listitem').allTextContents()).toEqual([
      'Kansas Mental Health PAHP ks-pahp',
      'WellCare of North Carolina nc-wellcare',
    ]);
    const stored = await server.store.db
      .selectFrom('programs')
      .select('payer_packs')
      .where('name', '=', kansas.name)
      .executeTakeFirstOrThrow();
    expect(stored.payer_packs).toEqual(['ks-pahp', 'nc-wellcare']);
  });

  it('a billing user sees the programs’ payers but no way to change them', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await expect.poll(() => page.getByRole('article').count()).toBe(4);
    expect(await page.getByRole('button', { name: /^Change payers/ }).count()).toBe(0);
  });
});

describe('on a phone-sized screen', () => {
  it('fits the sign-in page and the home page into 375 pixels without sideways scrolling', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(server.url);
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await signIn(page, server, 'peer');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
  });
});

describe('changing your own password', () => {
  it('a clinician changes their password from the navigation and signs in with the new one', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'clinician');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Change password' })
      .click();
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('tidal compass orchard 5');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('Your current password is not right').count()).toBeGreaterThan(0);
    await page.getByLabel('Current password').fill(server.passwordOf('clinician'));
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect.poll(() => page.getByText('Your password is changed.').count()).toBe(1);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').fill(server.emailOf('clinician'));
    await page.getByLabel('Password').fill('tidal compass orchard 5');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
  });
});
