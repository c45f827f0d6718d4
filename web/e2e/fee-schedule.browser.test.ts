/**
 * Browser suite: the Fee schedule page in Chromium, on the demo organisation as `npm start` makes it. The demo
 * has no North Carolina notes, so the setup documents one through the API as the people who would: the North
 * Carolina peer signs a group (H0038 HQ) for the Durham program's adult members, billing staff record each
 * member's eligibility check for the day, and the supervisor co-signs the notes — billable in every way but
 * the price. Billing staff then remove the "H0038 HQ" price of WellCare of North Carolina on the page; a
 * billing run holds the group notes with "Enter the charge for H0038 HQ under WellCare of North Carolina",
 * linked to the page; billing staff enter $6.25 (a price that is not an amount is refused first, beside its
 * field), change its expected rate, export and import the schedule, and the next run claims the notes with
 * lines charging units × $6.25. The payer rules page shows the price in force, with the page's link only for
 * billing staff. The page fits 375 px. The cases run in order and build on each other.
 */
import { readFile } from 'node:fs/promises';
import createClient from 'openapi-fetch';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/engine/index.js';
import { calendarDateIn } from '../../src/services/time/index.js';
import type { TestServer } from '../../src/testing/index.js';
import type { paths } from '../src/api/schema.gen.js';
import { sidewaysScroll, signIn, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

const PAYER = 'WellCare of North Carolina';
const HELD_MESSAGE = 'Enter the charge for H0038 HQ under WellCare of North Carolina';
const TODAY = calendarDateIn(new Date(), 'America/New_York');
/** The group ran three days ago; a month's range takes it. */
const DATE_OF_SERVICE = addDays(TODAY, -3);
const RANGE = { from: addDays(TODAY, -30), to: TODAY };
/** A page that reads the payer packs as well as the schedule can take more than the poll's default second. */
const LOADED = { timeout: 10_000 };

/** The group notes the cases follow, billable but for the price. */
const held = { noteIds: [] as string[] };

type Api = ReturnType<typeof createClient<paths>>;

/** An API client signed in as `email`, the way the web app is (the session cookie). */
async function signedInApi(server: TestServer, email: string, password: string): Promise<Api> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return createClient<paths>({ baseUrl: server.url, headers: { cookie } });
}

/** The answer's body, or the test fails with the problems the server gave. */
function answered<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data === undefined) {
    throw new Error(`${result.response.status} ${JSON.stringify(result.error)}`);
  }
  return result.data;
}

/** Age in whole years on `date`, from a birth date (both `YYYY-MM-DD`). */
function ageOn(birth: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4));
  return date.slice(5) >= birth.slice(5) ? years : years - 1;
}

beforeAll(async () => {
  const { server } = suite;
  const nc = server.demo.logins.find((login) => login.state === 'NC');
  if (nc === undefined) throw new Error('the demo has no North Carolina peer');
  const peer = await signedInApi(server, nc.email, nc.password);
  const billing = await signedInApi(server, server.emailOf('billing'), server.passwordOf('billing'));
  const supervisor = await signedInApi(server, server.emailOf('supervisor'), server.passwordOf('supervisor'));

  const me = answered(await peer.GET('/api/v1/auth/session'));
  const options = answered(await peer.GET('/api/v1/groups/options'));
  const program = options.programs.find((each) => each.name.startsWith('Durham'));
  if (program === undefined) throw new Error('the demo has no Durham (North Carolina) program');
  // WellCare pays peer support for adults only; the demo's 16-year-old would be held for EPSDT instead.
  const adults: string[] = [];
  for (const member of options.members.filter((each) => each.programId === program.id)) {
    const { member: record } = answered(
      await billing.GET('/api/v1/members/{memberId}', { params: { path: { memberId: member.id } } }),
    );
    if (ageOn(record.dateOfBirth, DATE_OF_SERVICE) >= 18) adults.push(member.id);
  }
  expect(adults.length).toBeGreaterThan(0);
  for (const memberId of adults) {
    answered(
      await billing.POST('/api/v1/members/{memberId}/eligibility-checks', {
        params: { path: { memberId } },
        body: { checkedOn: DATE_OF_SERVICE, result: 'eligible', source: 'NCTracks eligibility inquiry' },
      }),
    );
  }

  const { group } = answered(
    await peer.POST('/api/v1/groups', {
      body: {
        programId: program.id,
        topic: 'Planning the week',
        dateOfService: DATE_OF_SERVICE,
        start: '10:00',
        end: '11:00',
        modality: 'in_person',
        memberLocation: null,
        placeOfService: '11',
        interaction: 'We planned the week together and each person named one goal from their plan.',
        facilitators: [{ userId: me.user.id, role: 'lead', minutes: 60 }],
        memberIds: adults,
      },
    }),
  );
  for (const attendee of group.attendees) {
    answered(
      await peer.PATCH('/api/v1/groups/{groupId}/attendees/{memberId}', {
        params: { path: { groupId: group.id, memberId: attendee.member.id } },
        body: {
          revision: attendee.revision,
          interventionInPlan: true,
          memberResponse: 'Named one goal and the first step toward it.',
          nextSteps: 'Bring the plan to next week’s group.',
        },
      }),
    );
  }
  const signed = answered(
    await peer.POST('/api/v1/groups/{groupId}/sign', { params: { path: { groupId: group.id } }, body: {} }),
  );
  expect(signed.outcomes.map((outcome) => outcome.outcome)).toEqual(adults.map(() => 'signed'));
  for (const outcome of signed.outcomes) {
    answered(
      await supervisor.POST('/api/v1/notes/{id}/cosign', {
        params: { path: { id: outcome.noteId } },
        body: {},
      }),
    );
    held.noteIds.push(outcome.noteId);
  }
});

function nav(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name });
}

/**
 * Starts a run over {@link RANGE} on the worklist and waits until the server says it has finished. A loaded
 * machine can judge a few notes before the page shows "Judging the notes", so the run is followed by its id.
 */
async function runBilling(page: Page): Promise<void> {
  const run = page.getByRole('region', { name: 'Billing run' });
  await run.getByLabel('First date of service').fill(RANGE.from);
  await run.getByLabel('Last date of service').fill(RANGE.to);
  const [started] = await Promise.all([
    page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/billing/runs',
    ),
    run.getByRole('button', { name: 'Start billing run' }).click(),
  ]);
  expect(started.status()).toBe(202);
  const { id } = (await started.json()) as { id: string };
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
  await expect.poll(() => run.getByRole('status').textContent(), LOADED).toContain('Finished');
}

/** The prices of one payer on the Fee schedule page. */
function payerPrices(page: Page, payer: string): Locator {
  return page.getByRole('region', { name: `Prices for ${payer}, per unit` });
}

/** The table row of a service among a payer's prices ("H0038 HQ" is not "H0038"). */
function serviceRow(prices: Locator, service: string): Locator {
  // The inner locator of `has` is matched inside each row, so it starts from the page, not from `prices`.
  return prices
    .getByRole('row')
    .filter({ has: prices.page().getByRole('rowheader', { name: service, exact: true }) });
}

describe('the fee schedule', () => {
  it('billing staff remove the North Carolina H0038 HQ price, after confirming, and the history says so', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await nav(page, 'Billing').click();
    await page
      .getByRole('navigation', { name: 'Billing pages' })
      .getByRole('link', { name: 'Fee schedule' })
      .click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fee schedule');

    const prices = payerPrices(page, PAYER);
    const row = serviceRow(prices, 'H0038 HQ');
    await expect.poll(() => row.count(), LOADED).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('All programs');
    expect(text).toContain('$5.00');
    // North Carolina's sources give no rate, and the demo enters none.
    expect(text).toContain('Not on file');
    // Kansas's seed gives the payer's rate, shown where none is entered.
    expect(await payerPrices(page, 'Kansas Mental Health PAHP').textContent()).toContain('Payer’s rate $');

    await row.getByRole('button', { name: /^Remove/ }).click();
    const dialog = page.getByRole('alertdialog');
    expect(await dialog.textContent()).toContain('H0038 HQ under WellCare of North Carolina');
    // Cancel first: nothing changes.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await row.count()).toBe(1);
    await row.getByRole('button', { name: /^Remove/ }).click();
    await dialog.getByRole('button', { name: 'Remove the price' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Removed the price of H0038 HQ under WellCare of North Carolina');
    await expect.poll(() => row.count()).toBe(0);
    expect(await serviceRow(prices, 'H0038').count()).toBe(1);

    const history = page.getByRole('list', { name: 'Changes to the fee schedule, newest first' });
    await expect
      .poll(() => history.getByRole('listitem').first().textContent())
      .toContain('Removed H0038 HQ under WellCare of North Carolina (all programs): it was $5.00 a unit');
  });

  it('a billing run holds the North Carolina group notes until the charge is entered, and links to the page', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing`);
    await runBilling(page);
    const groups = page.getByRole('list', { name: 'Problems holding notes' });
    const group = groups.getByRole('listitem').filter({ hasText: HELD_MESSAGE });
    await expect.poll(() => group.count(), LOADED).toBe(1);
    expect(await group.locator('dl').textContent()).toContain('Who can fix itBilling staff');
    await group.getByText(/^The \d+ notes?/).click();
    for (const noteId of held.noteIds) {
      expect(await group.locator(`a[href="/notes/${noteId}"]`).count()).toBe(1);
    }
    await group.getByRole('link', { name: /^Enter the charge on the Fee schedule page/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Fee schedule');
  });

  it('billing staff enter the charge, told beside the field when it is not an amount, and change its expected rate', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/fees`);
    const form = page.getByRole('form', { name: 'Add a price' });
    await form.getByLabel('Payer').selectOption({ label: PAYER });
    await form.getByLabel('Procedure code').fill('h0038');
    await form.getByLabel('Modifiers').fill('hq');
    await form.getByLabel('First day').fill(RANGE.from);
    await form.getByLabel('Charge per unit ($)').fill('six dollars');
    await form.getByRole('button', { name: 'Add the price' }).click();
    await expect.poll(() => page.locator('#fee-charge-error').textContent()).toContain('dollars and cents');
    expect(await form.getByLabel('Charge per unit ($)').getAttribute('aria-invalid')).toBe('true');

    await form.getByLabel('Charge per unit ($)').fill('6.25');
    await form.getByRole('button', { name: 'Add the price' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Added the price of H0038 HQ under WellCare of North Carolina: $6.25 a unit');
    const row = serviceRow(payerPrices(page, PAYER), 'H0038 HQ');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.textContent()).toContain('$6.25');
    expect(await row.textContent()).toContain('Not on file');

    // The expected rate is changed in a dialog; the charge stays.
    await row.getByRole('button', { name: /^Change/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.getByLabel('Charge per unit ($)').inputValue()).toBe('6.25');
    await dialog.getByLabel('Expected rate per unit ($, optional)').fill('6.00');
    await dialog.getByRole('button', { name: 'Save the price' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toContain('Saved the price of H0038 HQ');
    await expect.poll(() => row.textContent()).toContain('$6.00');
    const history = page.getByRole('list', { name: 'Changes to the fee schedule, newest first' });
    await expect
      .poll(() => history.getByRole('listitem').first().textContent())
      .toContain('expected rate the payer’s rate → $6.00');
  });

  it('billing staff export the schedule as CSV and import it back, every bad cell named first', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/fees`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download the fee schedule as CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    expect(csv.split('\n')[0]).toContain(
      'payer,payer_name,program,code,modifiers,from,to,charge,expected_rate',
    );
    expect(csv).toMatch(new RegExp(`nc-wellcare,${PAYER},,H0038,HQ,${RANGE.from},,6\\.25,6\\.00`));

    const form = page.getByRole('form', { name: 'Import prices' });
    const header = csv.split('\n')[0] ?? '';
    await form.getByLabel('CSV file').setInputFiles({
      name: 'prices.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${header}\nnc-wellcare,${PAYER},,H0038,HQ,${RANGE.from},,six,\n`),
    });
    await form.getByRole('button', { name: 'Import the file' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'The file was not imported' });
    await expect.poll(() => refused.textContent()).toContain('Row 1');

    await form
      .getByLabel('CSV file')
      .setInputFiles({ name: 'prices.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Import the file' }).click();
    await expect
      .poll(() => page.getByRole('status').first().textContent())
      .toMatch(/^Imported the file: 0 prices added, 0 changed, \d+ as they were\.$/);
  });

  it('the next run claims the held notes, each line charging its units × $6.25', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing`);
    await runBilling(page);
    await expect
      .poll(
        () => page.getByRole('list', { name: 'Problems holding notes' }).getByText(HELD_MESSAGE).count(),
        LOADED,
      )
      .toBe(0);

    const billing = await signedInApi(server, server.emailOf('billing'), server.passwordOf('billing'));
    const { claims } = answered(
      await billing.GET('/api/v1/billing/claims', {
        params: { query: { payerPack: 'nc-wellcare', from: DATE_OF_SERVICE, to: DATE_OF_SERVICE } },
      }),
    );
    const billed = new Set<string>();
    let claimId = '';
    for (const summary of claims) {
      const claim = answered(
        await billing.GET('/api/v1/billing/claims/{id}', { params: { path: { id: summary.id } } }),
      );
      for (const line of claim.lines.filter((each) => held.noteIds.includes(each.noteId))) {
        billed.add(line.noteId);
        claimId = summary.id;
        expect([line.code, ...line.modifiers].join(' ')).toBe('H0038 HQ');
        expect(line.unitChargeCents).toBe(625);
        expect(line.chargeCents).toBe(line.units * 625);
        expect(line.units).toBeGreaterThan(0);
      }
    }
    expect([...billed].sort()).toEqual([...held.noteIds].sort());

    // The claim page shows the same: $6.25 a unit, units × $6.25 on the line.
    await page.goto(`${server.url}/billing/claims/${claimId}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Claim /);
    const line = page.getByRole('row').filter({ hasText: 'H0038' }).first();
    await expect.poll(() => line.textContent(), LOADED).toContain('$6.25');
    expect(await line.textContent()).toContain('$25.00');
  });

  it('the payer rules page shows the price in force; only billing staff get the link to change it', async () => {
    const { page, server } = suite;
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/payer-rules/nc-wellcare`);
    const fees = page.getByRole('region', { name: /^Your fees for WellCare of North Carolina in force on / });
    const row = serviceRow(fees, 'H0038 HQ');
    await expect.poll(() => row.count(), LOADED).toBe(1);
    expect(await row.textContent()).toContain('$6.25');
    expect(await row.textContent()).toContain('$6.00');
    expect(
      await page.getByRole('link', { name: 'Change your prices on the Fee schedule page' }).count(),
    ).toBe(1);
    // The pack's own rates stay: California's group code is the individual rate ÷ 4.5.
    await page.goto(`${server.url}/payer-rules/ca-dhcs`);
    await expect
      .poll(() => page.getByRole('region', { name: /^Rates of / }).textContent(), LOADED)
      .toContain('H0038 rate on file ÷ 4.5');

    const peerPage = await suite.browser.newPage();
    try {
      await signIn(peerPage, server, 'peer');
      expect(await nav(peerPage, 'Billing').count()).toBe(0);
      await peerPage.goto(`${server.url}/payer-rules/nc-wellcare`);
      const peerFees = peerPage.getByRole('region', { name: /^Your fees for WellCare of North Carolina/ });
      await expect.poll(() => serviceRow(peerFees, 'H0038 HQ').count(), LOADED).toBe(1);
      expect(
        await peerPage.getByRole('link', { name: 'Change your prices on the Fee schedule page' }).count(),
      ).toBe(0);
    } finally {
      await peerPage.close();
    }
  });

  it('fits the Fee schedule page into 375 pixels: only its tables scroll sideways, inside their own regions', async () => {
    const { page, server } = suite;
    await page.setViewportSize({ width: 375, height: 800 });
    await signIn(page, server, 'billing');
    await page.goto(`${server.url}/billing/fees`);
    await expect.poll(() => payerPrices(page, PAYER).count(), LOADED).toBe(1);
    await expect
      .poll(() => page.getByRole('list', { name: 'Changes to the fee schedule, newest first' }).count())
      .toBe(1);
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
