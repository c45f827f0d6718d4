/**
 * Browser suite: members in Chromium. An admin adds a member, records their coverage and a telehealth
 * consent (after the form refuses a malformed diagnosis code, saying how to write it), and puts them on the
 * demo peer's caseload; the peer finds them under "My caseload"; billing staff find them by Medicaid ID and
 * can record coverage but not change clinical details. The cases run in order and build on each other.
 */
import { describe, expect, it } from 'vitest';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

const MEMBER = {
  firstName: 'Leilani',
  lastName: 'Browserton',
  dateOfBirth: '1992-08-17',
  medicaidId: 'ZZCA77000001',
};
const FULL_NAME = `${MEMBER.firstName} ${MEMBER.lastName}`;

async function alamedaProgramName(): Promise<string> {
  const program = await suite.server.store.db
    .selectFrom('programs')
    .select('name')
    .where('organisation_id', '=', suite.server.demo.organisationId)
    .where((eb) => eb(eb.val('ca-acbhd'), '=', eb.fn.any('payer_packs')))
    .executeTakeFirstOrThrow();
  return program.name;
}

function demoPeerName(): string {
  return suite.server.demo.logins.find((login) => login.role === 'peer')?.displayName ?? '';
}

describe('members', () => {
  it('an admin adds a member with coverage and a telehealth consent', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('link', { name: 'Add a member' }).click();
    await page.getByLabel('First name').fill(MEMBER.firstName);
    await page.getByLabel('Last name').fill(MEMBER.lastName);
    await page.getByLabel('Date of birth').fill(MEMBER.dateOfBirth);
    await page.getByLabel('Medicaid ID').fill(MEMBER.medicaidId.toLowerCase());
    await page.getByLabel('Program').selectOption({ label: await alamedaProgramName() });
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FULL_NAME);
    await expect.poll(() => page.getByText(MEMBER.medicaidId).count()).toBeGreaterThan(0);

    const coverage = page.getByRole('region', { name: 'Coverage' });
    await coverage.getByRole('button', { name: 'Add coverage' }).click();
    // The form opens in place of the button, with focus in its first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('coverage-new-payerPack');
    await coverage.getByLabel('Payer').selectOption('ca-acbhd');
    await coverage.getByLabel('Plan name').fill('Alameda Alliance Medi-Cal');
    await coverage.getByLabel('Covered from', { exact: true }).fill('2026-01-01');
    // The member number starts as the Medicaid ID.
    expect(await coverage.getByLabel('Member number').inputValue()).toBe(MEMBER.medicaidId);
    await coverage.getByRole('button', { name: 'Add coverage' }).click();
    await expect.poll(() => coverage.getByText('Added the coverage.').count()).toBe(1);
    expect(await coverage.getByRole('listitem').first().textContent()).toContain('Alameda County (ACBHD)');

    const diagnoses = page.getByRole('region', { name: 'Diagnoses' });
    await diagnoses.getByRole('button', { name: 'Add a diagnosis' }).click();
    await diagnoses.getByLabel('ICD-10-CM code').fill('depression');
    await diagnoses.getByLabel('Description').fill('Major depressive disorder, recurrent, moderate');
    await diagnoses.getByLabel('Category').selectOption('mental_health');
    await diagnoses.getByRole('button', { name: 'Add diagnosis' }).click();
    // The shared schema refuses it before sending, saying how to write the code, beside the field.
    await expect.poll(() => diagnoses.getByRole('alert').textContent()).toContain('F33.1');
    expect(await diagnoses.getByLabel('ICD-10-CM code').getAttribute('aria-invalid')).toBe('true');
    await diagnoses.getByLabel('ICD-10-CM code').fill('f331');
    await diagnoses.getByRole('button', { name: 'Add diagnosis' }).click();
    await expect.poll(() => diagnoses.getByText('F33.1', { exact: true }).count()).toBe(1);

    const consents = page.getByRole('region', { name: 'Consents' });
    await consents.getByRole('button', { name: 'Add a consent' }).click();
    await consents.getByLabel('Consent', { exact: true }).selectOption('telehealth');
    await consents.getByLabel('Given on').fill('2026-01-05');
    await consents.getByRole('button', { name: 'Add consent' }).click();
    await expect.poll(() => consents.getByText('Added the consent.').count()).toBe(1);
    expect(await consents.getByRole('listitem').first().textContent()).toContain('Telehealth (video)');
    expect(await page.locator('.member-summary').textContent()).toContain('Telehealth (video)');
  });

  it('the admin puts the member on the demo peer’s caseload, and the peer finds them there', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'admin');
    await page.goto(`${server.url}/members?name=${MEMBER.lastName}`);
    await page.getByRole('link', { name: FULL_NAME }).click();
    const caseload = page.getByRole('region', { name: 'Caseload' });
    await caseload.getByLabel('Peer').selectOption({ label: demoPeerName() });
    await caseload.getByRole('button', { name: 'Assign' }).click();
    await expect.poll(() => caseload.getByText(`Assigned to ${demoPeerName()}.`).count()).toBe(1);

    const other = await suite.browser.newContext();
    const peerPage = await other.newPage();
    await signIn(peerPage, server, 'peer');
    await peerPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await peerPage.getByRole('link', { name: 'My caseload' }).click();
    await expect.poll(() => peerPage.getByRole('link', { name: FULL_NAME }).count()).toBe(1);
    await peerPage.getByRole('link', { name: FULL_NAME }).click();
    await expect.poll(() => peerPage.getByRole('heading', { level: 1 }).textContent()).toBe(FULL_NAME);
    // The peer can write a note for the member from here.
    expect(await peerPage.getByRole('link', { name: 'New note' }).getAttribute('href')).toMatch(
      /^\/notes\/new\?memberId=/,
    );
    await other.close();
  });

  it('billing staff find the member by Medicaid ID and may record coverage, not clinical details', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.getByLabel('Medicaid ID').fill('zzca77000001');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect.poll(() => page.getByRole('link', { name: FULL_NAME }).count()).toBe(1);
    // The count sentence renders with the results but is checked on its own: poll rather than read once.
    await expect.poll(() => page.getByText('1 member.').count()).toBe(1);
    await page.getByRole('link', { name: FULL_NAME }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FULL_NAME);
    expect(await page.getByRole('button', { name: 'Edit details' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add a consent' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add coverage' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Record an eligibility check' }).count()).toBe(1);
  });

  it('fits the member list and the member’s record into 375 pixels without sideways scrolling', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'admin');
    await page.goto(`${server.url}/members?name=${MEMBER.lastName}`);
    await expect.poll(() => page.getByRole('link', { name: FULL_NAME }).count()).toBe(1);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.getByRole('link', { name: FULL_NAME }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(FULL_NAME);
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
