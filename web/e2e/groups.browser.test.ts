/**
 * Browser suite: a group with three attendees, in Chromium, on a fixture organisation (a certified peer with
 * a supervisor; two more members added to the Medi-Cal program). The peer documents the session with two
 * facilitators and two attendees, adds the third on the session's page, writes the shared Interaction and
 * each attendee's response and next steps, sees each attendee's claim preview (code, units, amount), and
 * signs all three notes at once.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/services/context.js';
import { calendarDateIn } from '../../src/services/time/index.js';
import {
  FIXTURE_PASSWORD,
  addProgramMembers,
  createDocumentationFixture,
  fixtureMemberWith,
  testContext,
} from '../../src/testing/index.js';
import type { DocumentationFixture, FixtureMember } from '../../src/testing/index.js';
import { sidewaysScroll, useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

let fixture: DocumentationFixture;
let member: FixtureMember;
/** The attendees' names as the pages show them, the fixture's own member first. */
let names: string[];
/** Today where the program is: the group is documented the day it ran. */
let today: string;

beforeAll(async () => {
  const ctx = testContext(suite.server.store, systemClock);
  fixture = await createDocumentationFixture(ctx, 'groups-browser');
  member = fixtureMemberWith(fixture, 'ca-dhcs');
  await addProgramMembers(ctx, fixture, member, ['Avery', 'Blake']);
  const own = await ctx.db
    .selectFrom('members')
    .innerJoin('programs', 'programs.id', 'members.program_id')
    .select(['members.first_name', 'members.last_name', 'programs.time_zone'])
    .where('members.id', '=', member.id)
    .executeTakeFirstOrThrow();
  names = [`${own.first_name} ${own.last_name}`, 'Avery Groupmember', 'Blake Groupmember'];
  today = calendarDateIn(new Date(), own.time_zone);
});

async function signInAsPeer(page: Page): Promise<void> {
  await page.goto(suite.server.url);
  await page.getByLabel('Email').fill(fixture.users.peer.email);
  await page.getByLabel('Password').fill(FIXTURE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
}

function attendeeCard(page: Page, name: string): ReturnType<Page['locator']> {
  return page.getByRole('article', { name });
}

describe('a group with three attendees', () => {
  it('is documented with its facilitators, written per attendee, previewed and signed', async () => {
    const { page } = suite;
    await page.setViewportSize({ width: 360, height: 800 });
    await signInAsPeer(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await page.getByRole('link', { name: 'New group session' }).click();

    await page.getByLabel('Program').selectOption(member.programId);
    await page.getByLabel('Topic').fill('Budgeting for the month');
    await page.getByLabel('Date of service').fill(today);
    await page.getByLabel('Start').fill('10:00');
    await page.getByLabel('End').fill('11:00');
    await page.getByLabel('In person').check();
    await page.getByLabel('Place of service (optional)').fill('11');
    // The peer is the lead; the supervisor co-facilitated the first half hour.
    await expect
      .poll(() => page.getByLabel('Facilitator 1', { exact: true }).inputValue())
      .toBe(fixture.users.peer.id);
    await page.getByLabel('Minutes of facilitator 1').fill('60');
    await page.getByRole('button', { name: 'Add a facilitator' }).click();
    await page.getByLabel('Facilitator 2', { exact: true }).selectOption(fixture.users.supervisor.id);
    await page.getByLabel('Role of facilitator 2').selectOption('co_facilitator');
    // A mistake first: more minutes than the hour the group lasted is refused beside the field.
    await page.getByLabel('Minutes of facilitator 2').fill('90');
    await page.getByLabel(names[0] ?? '').check();
    await page.getByLabel(names[1] ?? '').check();
    await page.getByRole('button', { name: 'Create group session' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('the group lasted 60');
    await page.getByLabel('Minutes of facilitator 2').fill('30');
    await page.getByRole('button', { name: 'Create group session' }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Budgeting for the month');
    await expect.poll(() => page.getByText('1.50 (1.3 attendees per full-time facilitator)').count()).toBe(1);

    // The third attendee joins on the session's page.
    await page.getByRole('checkbox', { name: names[2] }).check();
    await page.getByRole('button', { name: 'Add to the group' }).click();
    await expect.poll(() => page.getByRole('article').count()).toBe(3);

    await page
      .getByLabel('What the group did together')
      .fill(
        'We filled in a monthly budget worksheet together and talked through planning for a surprise bill.',
      );
    await page.getByRole('button', { name: 'Save interaction' }).click();
    await expect
      .poll(() => page.getByText('Saved the Interaction in every attendee’s draft note.').count())
      .toBe(1);

    for (const name of names) {
      const card = attendeeCard(page, name);
      await card.getByLabel(`${name}’s response`).fill(`${name} shared one way they plan for the month.`);
      await card.getByLabel(`Next steps for ${name}`).fill('Fill in the worksheet for next month.');
      // Each attendee's own note fields sit beside their response: here, coordination with the family.
      await card.getByLabel(`Coordination with ${name}’s family or guardian is documented`).check();
      await card.getByRole('button', { name: `Save ${name}’s note` }).click();
      await expect.poll(() => card.getByText(`Saved ${name}’s note.`).count()).toBe(1);
    }

    // Each attendee's own claim: Medi-Cal group peer support, an hour is 4 units of H0025.
    for (const name of names) {
      await expect
        .poll(async () => (await attendeeCard(page, name).textContent()) ?? '')
        .toMatch(/Claim preview: H0025, 4 units, \$\d+\.\d{2}/);
    }

    await page.getByRole('button', { name: 'Sign all 3 attendees’ notes' }).click();
    await expect.poll(() => page.getByText('Signed 3 notes.').count()).toBe(1);
    for (const name of names) {
      await expect.poll(() => attendeeCard(page, name).getByText('Signed', { exact: true }).count()).toBe(1);
    }
    await expect.poll(() => page.getByText('All signed').count()).toBeGreaterThan(0);
    // Signed: the session and its attendance no longer change.
    expect(await page.getByRole('button', { name: 'Save interaction' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Remove .* from the group/ }).count()).toBe(0);
    // All of it on a 360-pixel phone: the session page, and the list of sessions, never scroll sideways.
    expect(await sidewaysScroll(page)).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Groups' }).click();
    await expect.poll(() => page.getByText('Budgeting for the month').count()).toBeGreaterThan(0);
    expect(await sidewaysScroll(page)).toBe(0);
  });
});
