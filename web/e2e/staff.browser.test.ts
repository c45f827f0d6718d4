/**
 * Browser suite: staff credentials in Chromium. An admin records a certification that has already expired;
 * the staff member's page and the compliance list both say so, with the payer rule's reason in words. The
 * peer sees their own credentials read-only (and the server refuses their edit), but can log their training.
 */
import { describe, expect, it } from 'vitest';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

const EXPIRED_ON = '2024-06-30';

function demoName(role: 'peer' | 'supervisor'): string {
  const login = suite.server.demo.logins.find((entry) => entry.role === role);
  if (login === undefined) throw new Error(`no demo ${role}`);
  return login.displayName;
}

describe('staff credentials', () => {
  it('shows a certification the admin records as expired on the compliance page, with the reason', async () => {
    const { page, server } = suite;
    const peerName = demoName('peer');
    await signIn(page, server, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Staff', exact: true })
      .click();
    await page.getByRole('link', { name: peerName }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Credentials of ${peerName}`);

    await page.getByLabel('Certification type').selectOption('medi_cal_peer');
    await page.getByLabel('Certification number').fill('CPS-E2E-1');
    await page.getByLabel('Issue date').fill('2022-07-01');
    await page.getByLabel('Expiry date').fill(EXPIRED_ON);
    // A mistyped NPI is caught before anything is sent, beside its field.
    await page.getByLabel('NPI (individual)').fill('1234567890');
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('check digit');
    await page.getByLabel('NPI (individual)').fill('');
    await page.getByLabel('Peer support supervisor').selectOption({ label: demoName('supervisor') });
    await page.getByRole('button', { name: 'Save credentials' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('Saved the credentials'));
    const compliance = page.getByRole('region', { name: 'Compliance' });
    await expect.poll(() => compliance.textContent()).toContain('Certification expired');
    expect(await compliance.textContent()).toContain(`expired (expiry: ${EXPIRED_ON})`);

    await page.getByRole('link', { name: 'Back to staff compliance' }).click();
    await page.getByLabel('Only staff who need attention').check();
    const card = page.getByRole('article', { name: new RegExp(`^${peerName}:`) });
    await expect.poll(() => card.textContent()).toContain('Certification expired');
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('Not compliant');
    expect(text).toContain(`expired (expiry: ${EXPIRED_ON})`);
  });

  it('shows a peer their own credentials read-only; the server refuses their edit, but they can log training', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'peer');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My credentials' })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My credentials');
    const credentials = page.getByRole('region', { name: 'Credentials' });
    await expect.poll(() => credentials.textContent()).toContain('Only a program admin can change these');
    expect(await page.getByRole('button', { name: 'Save credentials' }).count()).toBe(0);
    expect(await credentials.textContent()).toContain('CPS-E2E-1');

    const status = await page.evaluate(async () => {
      const userId = window.location.pathname.split('/').pop() ?? '';
      const response = await fetch(`/api/v1/staff/${userId}`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ certificationType: 'medi_cal_peer', certificationExpiresOn: '2030-01-01' }),
      });
      return response.status;
    });
    expect(status).toBe(403);

    await page.getByLabel('Completed on').fill('2024-05-01');
    await page.getByLabel('Title').fill('Law and ethics refresher');
    await page.getByLabel('Provider').fill('CalMHSA');
    await page.getByLabel('Hours', { exact: true }).fill('6');
    await page.getByLabel('Of which law and ethics (hours)').fill('6');
    await page.getByRole('button', { name: 'Add training' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Law and ethics refresher/ }).count()).toBe(1);
    // Still expired: the peer's own page says so too.
    expect(await page.getByRole('region', { name: 'Compliance' }).textContent()).toContain(
      'Certification expired',
    );
    expect(await page.getByRole('button', { name: /Remove/ }).count()).toBe(0);
  });

  it('lets the admin remove a training entry after confirming', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Staff', exact: true })
      .click();
    await page.getByRole('link', { name: demoName('peer') }).click();
    await page.getByRole('button', { name: 'Remove Law and ethics refresher' }).click();
    await page.getByRole('button', { name: 'Yes, remove' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('Removed “Law and ethics refresher”'));
    expect(await page.getByRole('row', { name: /Law and ethics refresher/ }).count()).toBe(0);
  });

  it('fits the staff list and a staff member’s credentials into 375 pixels without sideways scrolling', async () => {
    const { page, server } = suite;
    const peerName = demoName('peer');
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'admin');
    await page.goto(`${server.url}/staff`);
    await expect.poll(() => page.getByRole('link', { name: peerName }).count()).toBe(1);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.getByRole('link', { name: peerName }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe(`Credentials of ${peerName}`);
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
