/**
 * Browser suite: billing in Chromium, on the demo organisation as `npm start` makes it. Billing staff start a
 * run over the last month and watch its progress to the end; a note is held because its supervisor has not
 * co-signed it, and the worklist says so and who can clear it (a supervisor). The supervisor co-signs it from
 * the review queue — the real page, no database writes — and the next run claims it. Billing staff make the
 * payer's 837 file, download it (ISA first, the claim's CLM inside) and mark it as sent, then record the
 * payer's acceptance (refused without the payer's claim number, beside the field). They record a prior
 * authorization and change a payer's 837 settings (its ids, and its submitter's next interchange control
 * number), each refused first with the problem beside its field. The worklist fits 375 px.
 * The cases run in order and build on each other.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/index.js';
import { calendarDateIn } from '../../src/services/time/index.js';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

/**
 * The demo's notes are dated up to three weeks back (Los Angeles' Plan of Care notes); a month's range takes
 * them all.
 */
const TODAY = calendarDateIn(new Date(), 'America/Los_Angeles');
const RANGE = { from: addDays(TODAY, -30), to: TODAY };
const COSIGN_PROBLEM = 'A supervisor has not co-signed this note yet.';

/** The note the cases follow: held for its co-signature, then co-signed, claimed and billed. */
const held = { noteId: '', member: '', dateOfService: '', claimNumber: '', payer: '' };

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

/** Starts a run over {@link RANGE} on the worklist and waits until it has finished. */
async function runBilling(page: Page): Promise<Locator> {
  const run = page.getByRole('region', { name: 'Billing run' });
  await run.getByLabel('First date of service').fill(RANGE.from);
  await run.getByLabel('Last date of service').fill(RANGE.to);
  // The new run replaces the last one shown (which said Finished) as soon as the server has started it; on a
  // loaded machine it can finish before "Judging the notes" is seen, so it is followed by its id.
  const [started] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/billing/runs',
    ),
    run.getByRole('button', { name: 'Start billing run' }).click(),
  ]);
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
  // Progress is polled from the server until the run ends.
  await expect
    .poll(
      () =>
        page.evaluate(
          async (runId) =>
            ((await (await fetch(`/api/v1/billing/runs/${runId}`)).json()) as { status: string }).status,
          id,
        ),
      { timeout: 30_000 },
    )
    .toBe('finished');
  await expect.poll(() => run.getByRole('status').textContent(), { timeout: 10_000 }).toContain('Finished');
  return run;
}

describe('billing', () => {
  it('billing staff start a run, watch it finish, and see a note held for its co-signature and who can clear it', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await nav(page, 'Billing').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Billing');
    const run = await runBilling(page);
    expect(await run.getByRole('status').textContent()).toMatch(
      /\d+ notes? judged: \d+ claimed .*, \d+ held\./,
    );
    expect(await run.getByRole('progressbar', { name: 'Notes judged' }).count()).toBe(1);

    const groups = page.getByRole('list', { name: 'Problems holding notes' });
    const group = groups.getByRole('listitem').filter({ hasText: COSIGN_PROBLEM });
    await expect.poll(() => group.count()).toBe(1);
    const facts = await group.locator('dl').textContent();
    expect(facts).toContain('Who can fix itA supervisor');
    expect(facts).toContain('co-signs the note from the review queue');
    // The group opens onto its notes: member, date, peer, and a link to the note.
    await group.getByText(/^The \d+ notes?/).click();
    const row = group.getByRole('row').nth(1);
    const link = row.getByRole('link');
    held.noteId = ((await link.getAttribute('href')) ?? '').replace('/notes/', '');
    held.member =
      (await row
        .getByRole('rowheader')
        .locator('a')
        .evaluate((a) => a.firstChild?.textContent)) ?? '';
    held.dateOfService = (await row.locator('time').getAttribute('datetime')) ?? '';
    expect(held.noteId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await row.textContent()).toContain(server.demo.logins.find((l) => l.role === 'peer')?.displayName);

    // The filters go into the URL: only the notes a supervisor can clear.
    const filters = page.getByRole('form', { name: 'Worklist filters' });
    await filters.getByLabel('Who can fix it').selectOption('supervisor');
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe('supervisor');
    await expect.poll(() => groups.getByRole('listitem').count()).toBe(1);
    expect(
      await page.getByRole('link', { name: 'Download the held notes as CSV' }).getAttribute('href'),
    ).toBe('/api/v1/billing/worklist.csv?owner=supervisor');
  });

  it('the supervisor co-signs the held note from the review queue', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'supervisor');
    await nav(page, 'Reviews').click();
    const card = page.getByRole('listitem').filter({ has: page.locator(`a[href="/notes/${held.noteId}"]`) });
    await expect.poll(() => card.count()).toBe(1);
    await card.getByRole('button', { name: /^Co-sign/ }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Co-signed the note');
  });

  it('the next run claims the note: it leaves the worklist and its claim is ready', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing`);
    await runBilling(page);
    await expect.poll(() => page.locator(`a[href="/notes/${held.noteId}"]`).count()).toBe(0);

    await page
      .getByRole('navigation', { name: 'Billing pages' })
      .getByRole('link', { name: 'Claims' })
      .click();
    const filters = page.getByRole('form', { name: 'Claim filters' });
    await filters.getByLabel('Status').selectOption('ready');
    await filters.getByLabel('Dates of service from').fill(held.dateOfService);
    await filters.getByLabel('Dates of service to').fill(held.dateOfService);
    await filters.getByRole('button', { name: 'Apply filters' }).click();
    const row = page.getByRole('row').filter({ hasText: held.member });
    await expect.poll(() => row.count()).toBe(1);
    await row.getByRole('link').click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Claim PL\d+$/);
    held.claimNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace(
      'Claim ',
      '',
    );
    held.payer =
      (await page
        .locator('dt', { hasText: /^Payer$/ })
        .locator('xpath=following-sibling::dd')
        .textContent()) ?? '';
    // Its line links to the note it bills.
    expect(await page.getByRole('link', { name: /Open the note/ }).getAttribute('href')).toBe(
      `/notes/${held.noteId}`,
    );
  });

  it('billing staff make the payer’s 837 file, download it and mark it as sent, then record the acceptance', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/batches`);
    const make = page.getByRole('form', { name: 'Make 837 files' });
    await make.getByLabel('Payer').selectOption({ label: held.payer });
    await make.getByRole('button', { name: 'Make 837 files' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toMatch(/^Made 1 file for /);

    const batches = page.getByRole('region', { name: '837 batches, newest first' });
    const newest = batches.getByRole('row').nth(1);
    const [download] = await Promise.all([page.waitForEvent('download'), newest.getByRole('link').click()]);
    const content = await readFile(await download.path(), 'utf8');
    expect(content.startsWith('ISA*')).toBe(true);
    expect(content).toContain(`CLM*${held.claimNumber}*`);

    await newest.getByRole('button', { name: /^Mark as sent/ }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Mark as sent' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('as sent');

    // The payer accepts it: its claim number is required, and said so beside the field.
    await page.goto(`${server.url}/billing/claims?status=submitted`);
    await page.getByRole('link', { name: held.claimNumber, exact: true }).click();
    const answer = page.getByRole('region', { name: 'The payer’s answer' });
    await answer.getByLabel(/^Accepted by the payer/).check();
    await answer.getByRole('button', { name: 'Record the answer' }).click();
    await expect.poll(() => answer.getByRole('alert').textContent()).toContain('payer’s claim number');
    const number = answer.getByLabel('Payer’s claim number');
    expect(await number.getAttribute('aria-invalid')).toBe('true');
    await number.fill('ICN-2026-0001');
    await answer.getByRole('button', { name: 'Record the answer' }).click();
    await expect.poll(() => page.getByText('Recorded: Accepted.').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Replace or void' }).count()).toBe(1);
  });

  it('billing staff record a prior authorization, with each problem beside its field first', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/authorizations`);
    const form = page.getByRole('region', { name: 'Record an authorization' });
    await form.getByLabel('Procedure code').fill('peer support');
    await form.getByRole('button', { name: 'Record the authorization' }).click();
    await expect.poll(() => form.getByRole('alert').count()).toBe(1);
    for (const label of ['Authorization number', 'Procedure code', 'Units authorized']) {
      expect(await form.getByLabel(label).getAttribute('aria-invalid')).toBe('true');
    }
    expect(await form.locator('#authorization-code-error').textContent()).toContain('H0038');

    await form.getByLabel('Find the member by name').fill(held.member.split(' ')[1] ?? held.member);
    await form.getByRole('button', { name: 'Find' }).click();
    await expect
      .poll(() => form.getByLabel('Member', { exact: true }).locator('option').count())
      .toBeGreaterThan(1);
    const member = form.getByLabel('Member', { exact: true });
    const option = member.locator('option', { hasText: held.member }).first();
    await member.selectOption((await option.getAttribute('value')) ?? '');
    await form.getByLabel('Payer').selectOption({ label: held.payer });
    await form.getByLabel('Authorization number').fill('PA-2026-0042');
    await form.getByLabel('Procedure code').fill('h0038');
    // A group authorization: it covers H0038 HQ services only.
    await form.getByLabel('Modifiers').fill('hq');
    await form.getByLabel('Units authorized').fill('40');
    await form.getByLabel('First day').fill(RANGE.from);
    await form.getByLabel('Last day').fill(addDays(TODAY, 90));
    await form.getByRole('button', { name: 'Record the authorization' }).click();
    await expect.poll(() => page.getByText(/^Recorded authorization PA-2026-0042/).count()).toBe(1);
    const row = page
      .getByRole('region', { name: 'Prior authorizations' })
      .getByRole('row', { name: /PA-2026-0042/ });
    expect(await row.textContent()).toContain('H0038 HQ');
  });

  it('billing staff change a payer’s 837 settings, told beside the field when an id is malformed', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/settings?payer=nc-wellcare`);
    const settings = page.getByRole('region', { name: 'WellCare of North Carolina' });
    await expect.poll(() => settings.getByLabel('Payer id').inputValue()).toBe('ZZNCWELLCARE');
    await settings.getByLabel('Payer id').fill('NC WELLCARE!');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => settings.locator('#payer-settings-payerId-error').textContent())
      .toContain('2–15 letters');
    await settings.getByLabel('Payer id').fill('zznc68069');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByText('Saved the 837 settings').count()).toBe(1);
    await page.reload();
    await expect.poll(() => settings.getByLabel('Payer id').inputValue()).toBe('ZZNC68069');

    // The next interchange control number of the payer's submitter is shown, and can be moved on.
    const controlNumber = settings.getByLabel('Next interchange control number');
    await expect.poll(() => controlNumber.inputValue()).toMatch(/^\d+$/);
    const next = Number(await controlNumber.inputValue()) + 100;
    await controlNumber.fill('12a');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect
      .poll(() => settings.locator('#payer-settings-nextInterchangeControlNumber-error').textContent())
      .toContain('whole number');
    await controlNumber.fill(String(next));
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect.poll(() => settings.getByText('Saved the 837 settings').count()).toBe(1);
    await page.reload();
    await expect.poll(() => controlNumber.inputValue()).toBe(String(next));
  });

  it('fits the worklist into 375 pixels: only its tables scroll sideways, inside their own regions', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing`);
    await expect
      .poll(() => page.getByRole('region', { name: 'Claims by status, with their amounts' }).count())
      .toBe(1);
    await page
      .getByText(/^The \d+ notes?/)
      .first()
      .click();
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
