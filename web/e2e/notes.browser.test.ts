/**
 * Browser suite: service notes in Chromium, on fixture organisations with documentation records
 * (certified peer with a supervisor, one member per program). A peer writes an individual note for a North
 * Carolina member, switches it to audio-only and watches the claim preview change and the consent problem
 * appear, puts it right (recording the consent on the member's page), signs and adds an addendum; their
 * supervisor co-signs it from the review queue. A Los Angeles peer marks a note as the Plan of Care note
 * and adds the SC modifier.
 * A note past its due date shows on the overdue list; an expired certification blocks signing with the
 * reason shown; and a draft survives a reload, a lost connection and a save that never reached the server.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_PASSWORD, createDocumentationFixture, testContext } from '../../src/testing/index.js';
import type { DocumentationFixture, FixtureMember } from '../../src/testing/index.js';
import { systemClock } from '../../src/services/context.js';
import { useBrowserSuite } from './browser.js';

const suite = useBrowserSuite();

/** One organisation per story, so an expired certification or an overdue note touches nothing else. */
let writing: DocumentationFixture;
let overdue: DocumentationFixture;
let expired: DocumentationFixture;
let drafts: DocumentationFixture;
let planning: DocumentationFixture;
/** The draft plan of care of `planning`'s Los Angeles member. */
let planningPlanId: string;

beforeAll(async () => {
  const ctx = testContext(suite.server.store, systemClock);
  writing = await createDocumentationFixture(ctx, 'notes-write');
  overdue = await createDocumentationFixture(ctx, 'notes-late');
  expired = await createDocumentationFixture(ctx, 'notes-expired');
  drafts = await createDocumentationFixture(ctx, 'notes-draft');
  planning = await createDocumentationFixture(ctx, 'notes-plan');
  // The Los Angeles member, covered by SAPC, with a first plan of care written but not yet approved.
  const la = memberWithPack(planning, 'ca-dhcs', 'ca-la-sapc');
  const db = suite.server.store.db;
  await db
    .insertInto('coverage_periods')
    .values({
      organisation_id: planning.id,
      member_id: la.id,
      payer_pack: 'ca-la-sapc',
      plan_name: 'Fixture SAPC',
      member_number: `${la.medicaidId}LA`,
      starts_on: '2025-01-01',
    })
    .execute();
  const plan = await db
    .insertInto('care_plans')
    .values({
      organisation_id: planning.id,
      member_id: la.id,
      version: 1,
      kind: 'new',
      long_term_goals: 'Stay clean and keep my job.',
      member_participated: true,
      member_agreed: true,
      author_id: planning.users.peer.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  planningPlanId = plan.id;
  await suite.server.store.db
    .updateTable('staff_profiles')
    .set({ certification_expires_on: '2025-06-30' })
    .where('user_id', '=', expired.users.peer.id)
    .execute();
});

/** The fixture's member covered by `pack` (in the program that also bills `programPack`, when given). */
function memberWithPack(fixture: DocumentationFixture, pack: string, programPack?: string): FixtureMember {
  const member = fixture.members.find(
    (each) =>
      each.payerPack === pack &&
      (programPack === undefined ||
        fixture.programs.some(
          (program) => program.id === each.programId && program.payerPacks.some((id) => id === programPack),
        )),
  );
  if (member === undefined) {
    throw new Error(`the fixture has no ${pack} member`);
  }
  return member;
}

async function signInAs(page: Page, email: string): Promise<void> {
  await page.goto(suite.server.url);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(FIXTURE_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hello, /);
}

/** Starts a note from `/notes/new` and resolves on the note's page, returning its id. */
async function startNote(
  page: Page,
  member: FixtureMember,
  options: { serviceType?: string; date?: string } = {},
): Promise<string> {
  await page.goto(`${suite.server.url}/notes/new?memberId=${member.id}`);
  await page.getByLabel(options.serviceType ?? 'Engagement').check();
  if (options.date !== undefined) {
    await page.getByLabel('Date of service').fill(options.date);
  }
  await page.getByRole('button', { name: 'Start the note' }).click();
  await expect.poll(() => new URL(page.url()).pathname).toMatch(/^\/notes\/[0-9a-f-]{36}$/);
  await page.getByRole('form', { name: 'Service note' }).waitFor();
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

function preview(page: Page): ReturnType<Page['locator']> {
  return page.locator('#claim-preview');
}

async function previewText(page: Page): Promise<string> {
  return (await preview(page).textContent()) ?? '';
}

async function saveStatus(page: Page): Promise<string> {
  return (await page.getByTestId('save-status').textContent()) ?? '';
}

async function fillPin(
  page: Page,
  pin: { plan: string; interaction: string; nextSteps: string },
): Promise<void> {
  await page.getByLabel('Plan', { exact: true }).fill(pin.plan);
  await page.getByLabel('Interaction', { exact: true }).fill(pin.interaction);
  await page.getByLabel('Next steps', { exact: true }).fill(pin.nextSteps);
}

/** Autosave waits 1.5 s after typing stops; expect.poll's default second is too short for it. */
const SAVING = { timeout: 10_000 } as const;

const PIN = {
  plan: 'Work on the member’s goal of finding steady housing, from the plan of care.',
  interaction: 'We called two housing programs together and the member asked their own questions.',
  nextSteps: 'The member will visit one program on Monday; we talk again on Wednesday.',
};

async function storedNote(noteId: string): Promise<{
  pin_plan: string;
  pin_interaction: string;
  pin_next_steps: string;
  status: string;
}> {
  return suite.server.store.db
    .selectFrom('service_notes')
    .select(['pin_plan', 'pin_interaction', 'pin_next_steps', 'status'])
    .where('id', '=', noteId)
    .executeTakeFirstOrThrow();
}

/** A calendar date `days` before today, as the date input takes it. */
function daysAgo(days: number): string {
  const date = new Date(Date.now() - days * 86_400_000);
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

describe('service notes', () => {
  it('a peer writes a note, switches to audio-only and sees the consent problem, fixes it, signs and adds an addendum', async () => {
    const { page } = suite;
    const member = memberWithPack(writing, 'nc-wellcare');
    await signInAs(page, writing.users.peer.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Notes' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Notes');
    const noteId = await startNote(page, member);

    await page.getByLabel('Start', { exact: true }).fill('10:00');
    await page.getByLabel('End', { exact: true }).fill('11:00');
    // In person: a claim line, and no word of telephone consent.
    await expect.poll(() => previewText(page)).toMatch(/Units\s*4/);
    const inPerson = await previewText(page);
    expect(inPerson).not.toContain('consent to telephone services');
    expect(inPerson).not.toContain('KX');

    await page.getByLabel('Audio only (phone)').check();
    // The preview follows: the audio-only modifier is added and the missing consent shows, with its source.
    await expect.poll(() => previewText(page)).toContain('consent to telephone services');
    await expect.poll(() => previewText(page)).toContain('KX');
    await expect.poll(() => previewText(page)).toContain('Not billable yet');
    const consentProblem = preview(page)
      .getByRole('listitem')
      .filter({ hasText: 'consent to telephone services' });
    await consentProblem.getByText('Source').click();
    expect(await consentProblem.textContent()).toContain('Telephonic-Specific Criteria');
    // The form asks for what audio-only needs, beside the fields.
    await expect
      .poll(() => page.getByLabel("I verified the member's identity with two identifiers").count())
      .toBe(1);
    expect(await page.getByLabel('Where the member was').count()).toBe(1);

    // Put it right: the peer records the member's consent on the member's page (another tab), then verifies
    // identity here.
    const memberTab = await page.context().newPage();
    await memberTab.goto(`${suite.server.url}/members/${member.id}`);
    const consents = memberTab.getByRole('region', { name: 'Consents' });
    await consents.getByRole('button', { name: 'Add a consent' }).click();
    await consents.getByLabel('Consent', { exact: true }).selectOption('audio_only');
    await consents.getByLabel('Given on').fill('2025-01-01');
    await consents.getByRole('button', { name: 'Add consent' }).click();
    await expect.poll(() => consents.getByText('Added the consent.').count()).toBe(1);
    await memberTab.close();
    await page.getByLabel("I verified the member's identity with two identifiers").check();
    await page.getByLabel('Where the member was').selectOption('home');
    await expect.poll(() => previewText(page)).not.toContain('consent to telephone services');
    expect(await previewText(page)).not.toContain('check the member’s identity with two identifiers');
    expect(await previewText(page)).toContain('KX');

    await fillPin(page, PIN);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    await page.getByRole('button', { name: 'Sign note' }).click();
    await expect.poll(() => page.getByText('Claim as signed').count()).toBe(1);
    expect(await page.locator('.signature-line').textContent()).toMatch(/Signed by peer notes-write/);
    expect(await page.locator('.signature-line').textContent()).toContain('Waiting for review');
    expect((await storedNote(noteId)).status).toBe('signed');

    // Later corrections are addenda: who, when, why.
    await page.getByRole('button', { name: 'Add addendum' }).click();
    await expect.poll(() => page.getByText('Say why the addendum is needed').count()).toBeGreaterThan(0);
    await page.getByLabel('Why').fill('Corrected the next meeting day');
    await page.getByLabel('Addendum', { exact: true }).fill('We meet again on Thursday, not Wednesday.');
    await page.getByRole('button', { name: 'Add addendum' }).click();
    const addenda = page.getByRole('region', { name: 'Addenda' });
    await expect.poll(() => addenda.textContent()).toContain('Corrected the next meeting day');
    expect(await addenda.textContent()).toContain('We meet again on Thursday, not Wednesday.');
    expect(await addenda.textContent()).toMatch(/peer notes-write/);
  });

  it('a Los Angeles peer documents the plan of care as the note, and adds the SC modifier', async () => {
    const { page } = suite;
    const member = memberWithPack(planning, 'ca-dhcs', 'ca-la-sapc');
    await signInAs(page, planning.users.peer.email);
    await startNote(page, member);
    await page.getByLabel('Start', { exact: true }).fill('10:00');
    await page.getByLabel('End', { exact: true }).fill('11:00');
    // Any other service needs an approved plan in effect.
    await expect.poll(() => previewText(page)).toContain('no approved Plan of Care in effect');

    // This session wrote the plan with the member: the note says so, and is judged as the Plan of Care note.
    await page
      .getByLabel('This note documents the plan of care')
      .selectOption({ label: 'Version 1: new plan, draft' });
    await expect.poll(() => previewText(page)).toContain('This Plan of Care note is not approved yet');
    expect(await previewText(page)).not.toContain('no approved Plan of Care in effect');

    // The pack's own modifiers are added by the rules; SC is the user's to add.
    const sc = page.getByRole('checkbox', { name: /^SC/ });
    await sc.check();
    await expect.poll(() => previewText(page)).toMatch(/SC/);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    const stored = await suite.server.store.db
      .selectFrom('service_notes')
      .select(['plan_of_care_id', 'modifiers'])
      .where('author_id', '=', planning.users.peer.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ plan_of_care_id: planningPlanId, modifiers: ['SC'] });
  });

  it('the supervisor co-signs the note from the review queue', async () => {
    const { page } = suite;
    await signInAs(page, writing.users.supervisor.email);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reviews' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Notes to review');
    const card = page.getByRole('listitem').filter({ hasText: 'peer notes-write' });
    await expect.poll(() => card.count()).toBe(1);

    // Returning needs a comment.
    await card.getByRole('button', { name: /^Return to the author/ }).click();
    await card.getByRole('button', { name: 'Return with comment' }).click();
    await expect.poll(() => card.getByText('Tell the author what to fix.').count()).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Cancel' }).click();

    await card.getByRole('button', { name: /^Co-sign/ }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringMatching(/^Co-signed the note for /));
    await expect.poll(() => page.getByText('No notes are waiting for your review.').count()).toBe(1);
    const reviewed = await suite.server.store.db
      .selectFrom('service_notes')
      .select('review_status')
      .where('author_id', '=', writing.users.peer.id)
      .where('status', '=', 'signed')
      .execute();
    expect(reviewed.map((row) => row.review_status)).toEqual(['cosigned']);
  });

  it('a note past its due date asks why it is late and shows on the overdue list', async () => {
    const { page } = suite;
    const member = memberWithPack(overdue, 'ca-dhcs');
    await signInAs(page, overdue.users.peer.email);
    await startNote(page, member, { date: daysAgo(40) });
    await expect.poll(() => page.getByLabel('Why the note is late').count()).toBe(1);
    await page.getByLabel('Start', { exact: true }).fill('09:00');
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overdue' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Overdue notes');
    const byPeer = page.getByRole('region', { name: 'Overdue notes per peer' });
    await expect.poll(() => byPeer.textContent()).toMatch(/peer notes-late.*1.*business days overdue/);
    const byProgram = page.getByRole('region', { name: 'Overdue notes per program' });
    expect(await byProgram.getByRole('row').count()).toBe(2);
    const list = page.getByRole('region', { name: /^Overdue notes, oldest first/ });
    expect(await list.textContent()).toMatch(/\d+ business days overdue/);

    // The supervisor sees the same note under the peer's name.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInAs(page, overdue.users.supervisor.email);
    await page.goto(`${suite.server.url}/notes/overdue`);
    await expect.poll(() => byPeer.textContent()).toMatch(/peer notes-late/);
  });

  it('an expired certification blocks signing, with the reason shown', async () => {
    const { page } = suite;
    const member = memberWithPack(expired, 'ca-dhcs');
    await signInAs(page, expired.users.peer.email);
    const noteId = await startNote(page, member);
    await page.getByLabel('Start', { exact: true }).fill('13:00');
    await page.getByLabel('End', { exact: true }).fill('14:00');
    await fillPin(page, PIN);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    await page.getByRole('button', { name: 'Sign note' }).click();

    const summary = page.getByRole('alert').filter({ hasText: 'The note cannot be signed yet' });
    await expect.poll(() => summary.textContent()).toContain('Your peer certification expired on 2025-06-30');
    expect((await storedNote(noteId)).status).toBe('draft');
    // The form stays open to edit.
    expect(await page.getByLabel('Plan', { exact: true }).isEditable()).toBe(true);
  });

  it('a draft survives a reload, a lost connection, and a save that never reached the server', async () => {
    const { page } = suite;
    const context = page.context();
    const member = memberWithPack(drafts, 'ca-dhcs');
    await page.setViewportSize({ width: 360, height: 740 });
    await signInAs(page, drafts.users.peer.email);
    const noteId = await startNote(page, member);

    // Saved to the server: a reload shows it.
    await page.getByLabel('Plan', { exact: true }).fill(PIN.plan);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    await page.reload();
    await expect.poll(() => page.getByLabel('Plan', { exact: true }).inputValue()).toBe(PIN.plan);

    // Offline: kept on the device, sent when the connection is back.
    await context.setOffline(true);
    await page.getByLabel('Interaction', { exact: true }).fill(PIN.interaction);
    await expect.poll(() => saveStatus(page), SAVING).toBe('Offline — saved on this device');
    expect((await storedNote(noteId)).pin_interaction).toBe('');
    await context.setOffline(false);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    expect((await storedNote(noteId)).pin_interaction).toBe(PIN.interaction);

    // A save that never arrives, then a reload: the change comes back from the device and is sent.
    await page.route('**/api/v1/notes/*/draft', (route) => route.abort('internetdisconnected'));
    await page.getByLabel('Next steps', { exact: true }).fill(PIN.nextSteps);
    await expect.poll(() => saveStatus(page), SAVING).toBe('Offline — saved on this device');
    await page.reload();
    await expect.poll(() => page.getByLabel('Next steps', { exact: true }).inputValue()).toBe(PIN.nextSteps);
    expect(await page.getByText('Restored changes you made on this device').count()).toBe(1);
    expect((await storedNote(noteId)).pin_next_steps).toBe('');
    await page.unroute('**/api/v1/notes/*/draft');
    await context.setOffline(true);
    await context.setOffline(false);
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    expect((await storedNote(noteId)).pin_next_steps).toBe(PIN.nextSteps);
  });

  it('a draft changed on another device says so, and the changes made here can be applied after a reload', async () => {
    const { page, browser } = suite;
    const member = memberWithPack(drafts, 'ca-dhcs');
    await signInAs(page, drafts.users.peer.email);
    const noteId = await startNote(page, member, { serviceType: 'Therapeutic activity' });

    // The same peer on another device saves first.
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, drafts.users.peer.email);
    await otherPage.goto(`${suite.server.url}/notes/${noteId}`);
    await otherPage.getByLabel('Plan', { exact: true }).fill(PIN.plan);
    await expect.poll(() => saveStatus(otherPage), SAVING).toMatch(/^Saved /);
    await other.close();

    // This page still has the first revision: its save is refused and it says why, plainly.
    await page.getByLabel('Interaction', { exact: true }).fill(PIN.interaction);
    const conflict = page.getByRole('alert').filter({ hasText: 'changed somewhere else' });
    await expect.poll(() => conflict.count(), SAVING).toBe(1);
    expect(await page.getByLabel('Interaction', { exact: true }).isDisabled()).toBe(true);
    expect((await storedNote(noteId)).pin_interaction).toBe('');

    await conflict.getByRole('button', { name: 'Reload the note' }).click();
    await expect.poll(() => page.getByLabel('Plan', { exact: true }).inputValue()).toBe(PIN.plan);
    await page.getByRole('button', { name: 'Apply my changes' }).click();
    await expect.poll(() => saveStatus(page), SAVING).toMatch(/^Saved /);
    const stored = await storedNote(noteId);
    expect([stored.pin_plan, stored.pin_interaction]).toEqual([PIN.plan, PIN.interaction]);
  });
});
