/**
 * Database suite for service notes: a draft's life from creation through autosave (and a stale tab refused),
 * signing (refused while fields are missing or the certification has expired), addenda, supervisor review,
 * the overdue list in business days across Thanksgiving, who sees and changes what, the audit trail, and that
 * a failure leaves nothing behind. The database's own refusal to edit a signed note is tested directly too.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { ClaimPreview } from '../../shared/api/claims.js';
import type { CreateNoteRequest, NoteResponse } from '../../shared/api/notes.js';
import type { Problem } from '../../shared/problem.js';
import type { Role } from '../../shared/roles.js';
import {
  createDocumentationFixture,
  ManualClock,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type FixtureMember,
  type TestStore,
  fixtureActor,
  coveredLosAngelesMember,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { ServiceError } from '../errors.js';
import { insertUser } from '../users/index.js';
import {
  addAddendum,
  cosignNote,
  createNote,
  getNote,
  noteResponse,
  insertDraftNote,
  listNotes,
  listOverdueNotes,
  listReviewQueue,
  previewDraft,
  returnNote,
  saveDraft,
  signNote,
} from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let clock: ManualClock;
let fixture: DocumentationFixture;
let member: FixtureMember;
/** A second peer, with a caseload of their own, supervised by nobody. */
let otherPeer: Actor;

/** Monday 2026-11-23, 10:00 in California. */
const NOW = '2026-11-23T18:00:00Z';
const DATE_OF_SERVICE = '2026-11-20';

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

const COMPLETE_FIELDS = {
  start: '10:00',
  end: '11:00',
  placeOfService: '11',
  pin: {
    plan: 'Practise asking for help, as in the member’s plan of care.',
    interaction: 'Role-played a call to the housing office together.',
    nextSteps: 'The member makes the call on Friday; we meet Monday.',
  },
} as const;

function draftRequest(overrides: Partial<CreateNoteRequest> = {}): CreateNoteRequest {
  return { memberId: member.id, serviceType: 'engagement', dateOfService: DATE_OF_SERVICE, ...overrides };
}

/** Runs `action` and returns the ServiceError it throws. */
async function refusal(action: () => Promise<unknown>): Promise<ServiceError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected the action to be refused');
}

const codes = (problems: readonly Problem[]): string[] => problems.map((problem) => problem.code);

async function completeDraft(actor: Actor = actorOf('peer')): Promise<NoteResponse> {
  const created = await createNote(ctx, actor, draftRequest());
  await saveDraft(ctx, actor, created.note.id, { revision: created.note.revision, fields: COMPLETE_FIELDS });
  // The note as it now stands, read without a `note.read` audit row (the tests count the note's audit rows).
  return noteResponse(store.db, actor.organisationId, created.note.id, clock.now());
}

async function signedNote(): Promise<NoteResponse> {
  const draft = await completeDraft();
  return signNote(ctx, actorOf('peer'), draft.note.id, { revision: draft.note.revision });
}

async function auditActions(noteId: string): Promise<string[]> {
  const rows = await store.db
    .selectFrom('audit_events')
    .select('action')
    .where('record_id', '=', noteId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

beforeAll(async () => {
  store = await openTestStore();
  clock = new ManualClock(NOW);
  ctx = testContext(store, clock);
  fixture = await createDocumentationFixture(ctx, 'notes');
  // The Alameda program's member: Medi-Cal (ca-dhcs) coverage, billed under the state's rules.
  const alameda = fixture.programs.find((program) => program.payerPacks.includes('ca-acbhd'));
  const found = fixture.members.find((each) => each.programId === alameda?.id);
  if (found === undefined) throw new Error('the fixture has no Alameda member');
  member = found;
  // Medi-Cal bills only under an approved plan of care.
  await store.db
    .insertInto('care_plans')
    .values({
      organisation_id: fixture.id,
      member_id: member.id,
      version: 1,
      kind: 'new',
      status: 'approved',
      author_id: fixture.users.peer.id,
      effective_from: '2026-10-01',
      approved_by: fixture.users.clinician.id,
      approver_role: 'behavioral_health_professional',
      approved_at: new Date('2026-10-01T17:00:00Z'),
    })
    .execute();
  const other = await insertUser(store.db, clock.now(), {
    organisationId: fixture.id,
    email: `other-peer.${fixture.id}@fixtures.peerline.test`,
    displayName: 'Other Peer',
    roles: ['peer'],
    passwordHash: 'not-a-login',
  });
  otherPeer = { userId: other.id, email: other.email, organisationId: fixture.id, roles: ['peer'], ip: null };
});

afterAll(async () => {
  await store.dispose();
});

/** A goal of a plan of another member (the Kansas one), written for the test. */
async function goalOfAnotherMember(): Promise<string> {
  const kansas = fixture.members.find((each) => each.payerPack === 'ks-pahp');
  if (kansas === undefined) throw new Error('the fixture has no Kansas member');
  const plan = await store.db
    .insertInto('care_plans')
    .values({
      organisation_id: fixture.id,
      member_id: kansas.id,
      version: 1,
      kind: 'new',
      author_id: fixture.users.peer.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const goal = await store.db
    .insertInto('care_plan_goals')
    .values({
      organisation_id: fixture.id,
      care_plan_id: plan.id,
      position: 1,
      text: 'Another member’s goal',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return goal.id;
}

describe(`service notes on ${testDatabaseKind()}`, () => {
  it('starts a draft for a caseload member, due three business days after the service', async () => {
    const created = await createNote(ctx, actorOf('peer'), draftRequest());
    expect(created.note).toMatchObject({
      status: 'draft',
      reviewStatus: 'not_required',
      revision: 1,
      dateOfService: DATE_OF_SERVICE,
      // Friday → Monday, Tuesday, Wednesday.
      dueOn: '2026-11-25',
      businessDaysOverdue: 0,
      payerPack: 'ca-dhcs',
      programId: member.programId,
      author: { id: fixture.users.peer.id },
    });
    // No times yet: no claim to show, and the form says what signing will need.
    expect(created.preview).toBeNull();
    expect(codes(created.documentationProblems)).toEqual(
      expect.arrayContaining(['note.start_missing', 'note.end_missing', 'pin.missing.plan']),
    );
    expect(created.documentationProblems.every((problem) => problem.severity === 'warning')).toBe(true);
    expect(created.documentationProblems.find((p) => p.code === 'note.start_missing')?.path).toEqual([
      'fields',
      'start',
    ]);
    expect(await auditActions(created.note.id)).toEqual(['note.create']);
  });

  it('autosaves changed fields, shows the live preview, and refuses a save from a stale tab', async () => {
    const peer = actorOf('peer');
    const created = await createNote(ctx, peer, draftRequest());
    const saved = await saveDraft(ctx, peer, created.note.id, { revision: 1, fields: COMPLETE_FIELDS });
    // The save answers its revision and what signing needs; the claim comes from the preview.
    expect(saved.revision).toBe(2);
    expect(saved.fields).toMatchObject({ start: '10:00', end: '11:00', modality: 'in_person' });
    expect(saved).not.toHaveProperty('preview');
    expect(saved.documentationProblems).toEqual([]);
    const preview = await previewDraft(ctx, peer, created.note.id, { fields: {} });
    expect(preview).toMatchObject({ billable: true, minutes: 60, noteDueOn: '2026-11-25' });
    expect(preview.lines[0]).toMatchObject({ code: 'H0038', units: 4, chargeCents: 20_000 });

    // The other tab still holds revision 1.
    const stale = await refusal(() =>
      saveDraft(ctx, peer, created.note.id, { revision: 1, fields: { start: '09:00' } }),
    );
    expect(stale.kind).toBe('conflict');
    expect(stale.problems[0]).toMatchObject({ code: 'note.stale_revision', path: ['body', 'revision'] });
    expect(stale.problems[0]?.message).toMatch(/another tab or on another device.*Reload/);
    expect((await getNote(ctx, peer, created.note.id)).note.fields.start).toBe('10:00');
  });

  it('serves two tabs saving the same revision at once one after the other: one saves, the other gets 409', async () => {
    const peer = actorOf('peer');
    const created = await createNote(ctx, peer, draftRequest());
    const results = await Promise.allSettled([
      saveDraft(ctx, peer, created.note.id, { revision: 1, fields: { start: '09:00' } }),
      saveDraft(ctx, peer, created.note.id, { revision: 1, fields: { start: '09:30' } }),
    ]);
    const saved = results.filter((result) => result.status === 'fulfilled');
    const refused = results.flatMap((result): unknown[] =>
      result.status === 'rejected' ? [result.reason] : [],
    );
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(1);
    const [error] = refused;
    expect(error instanceof ServiceError ? error.problems[0]?.code : error).toBe('note.stale_revision');
    const after = await getNote(ctx, peer, created.note.id);
    expect(after.note.revision).toBe(2);
    expect(await auditActions(created.note.id)).toEqual(['note.create', 'note.save', 'note.read']);
  });

  it('previews unsaved fields without saving them: audio-only brings North Carolina’s consent problem', async () => {
    const peer = actorOf('peer');
    const ncMember = fixture.members.find((each) => each.payerPack === 'nc-wellcare');
    if (ncMember === undefined) throw new Error('the fixture has no North Carolina member');
    const draft = await createNote(ctx, peer, draftRequest({ ...COMPLETE_FIELDS, memberId: ncMember.id }));
    const consentProblem = (preview: ClaimPreview): boolean =>
      preview.problems.some((problem) => problem.path.join('.') === 'member.consents.audioOnly');
    expect(draft.preview?.pack.id).toBe('nc-wellcare');
    expect(consentProblem(await previewDraft(ctx, peer, draft.note.id, { fields: {} }))).toBe(false);
    const audioOnly = await previewDraft(ctx, peer, draft.note.id, {
      fields: { modality: 'audio_only', memberLocation: 'home', identityVerified: true },
    });
    expect(consentProblem(audioOnly)).toBe(true);
    // §V.G: documented extenuating circumstances clear the error, leaving a warning on the note's own field.
    const documented = await previewDraft(ctx, peer, draft.note.id, {
      fields: {
        modality: 'audio_only',
        memberLocation: 'home',
        identityVerified: true,
        consentCircumstances: 'Called in crisis from a shelter phone.',
      },
    });
    expect(consentProblem(documented)).toBe(false);
    expect(
      documented.problems.find((problem) => problem.path.join('.') === 'fields.consentCircumstances')
        ?.severity,
    ).toBe('warning');
    const again = await getNote(ctx, peer, draft.note.id);
    expect(again.note.revision).toBe(draft.note.revision);
    expect(again.note.fields.modality).toBe('in_person');
    expect(await auditActions(draft.note.id)).toEqual([
      'note.create',
      'note.preview',
      'note.preview',
      'note.preview',
      'note.read',
    ]);
    const noTimes = await refusal(async () => {
      const created = await createNote(ctx, actorOf('peer'), draftRequest());
      return previewDraft(ctx, actorOf('peer'), created.note.id, { fields: {} });
    });
    expect(noTimes.kind).toBe('invalid');
    expect(noTimes.problems.map((problem) => problem.path)).toEqual([
      ['fields', 'start'],
      ['fields', 'end'],
    ]);
  });

  it('refuses to sign an incomplete note, naming every missing field', async () => {
    const peer = actorOf('peer');
    const created = await createNote(
      ctx,
      peer,
      draftRequest({ modality: 'audio_only', start: '11:00', end: '10:30' }),
    );
    const refused = await refusal(() => signNote(ctx, peer, created.note.id, { revision: 1 }));
    expect(refused.kind).toBe('invalid');
    expect(refused.problems.every((problem) => problem.severity === 'error')).toBe(true);
    expect(refused.problems.map((problem) => problem.path.join('.'))).toEqual(
      expect.arrayContaining([
        'fields.end',
        'fields.memberLocation',
        'fields.identityVerified',
        'fields.pin.plan',
        'fields.pin.interaction',
        'fields.pin.nextSteps',
      ]),
    );
    expect((await getNote(ctx, peer, created.note.id)).note.status).toBe('draft');
    expect(await auditActions(created.note.id)).not.toContain('note.sign');
  });

  it('signs a complete note, keeping the code, units and charge, and sends it to review', async () => {
    const signed = await signedNote();
    expect(signed.note).toMatchObject({
      status: 'signed',
      reviewStatus: 'pending',
      signedBy: { id: fixture.users.peer.id },
    });
    expect(signed.preview?.billable).toBe(true);
    const row = await store.db
      .selectFrom('service_notes')
      .select(['signed_code', 'signed_units', 'signed_amount_cents'])
      .where('id', '=', signed.note.id)
      .executeTakeFirstOrThrow();
    // The charge: 4 units × the fixture's $50.00 California H0038 charge.
    expect(row).toEqual({ signed_code: 'H0038', signed_units: 4, signed_amount_cents: 20_000 });
    expect(await auditActions(signed.note.id)).toEqual(['note.create', 'note.save', 'note.sign']);
  });

  it('refuses to save over a signed note: signed notes change by addenda', async () => {
    const signed = await signedNote();
    const refused = await refusal(() =>
      saveDraft(ctx, actorOf('peer'), signed.note.id, {
        revision: signed.note.revision,
        fields: { end: '12:00' },
      }),
    );
    expect(refused.kind).toBe('conflict');
    expect(refused.problems[0]?.code).toBe('note.signed');
    expect(refused.problems[0]?.message).toMatch(/signed notes are changed by addenda/);
  });

  it('lets the database itself refuse an edit or removal of a signed note, while review fields may change', async () => {
    const signed = await signedNote();
    await expect(
      store.db
        .updateTable('service_notes')
        .set({ pin_plan: 'rewritten' })
        .where('id', '=', signed.note.id)
        .execute(),
    ).rejects.toThrow(/signed note cannot be edited/);
    await expect(
      store.db.deleteFrom('service_notes').where('id', '=', signed.note.id).execute(),
    ).rejects.toThrow(/signed note cannot be removed/);
    await store.db
      .updateTable('service_notes')
      .set({ review_status: 'cosigned', reviewed_by: fixture.users.supervisor.id, reviewed_at: clock.now() })
      .where('id', '=', signed.note.id)
      .execute();
    const row = await sql<{
      review_status: string;
    }>`select review_status from service_notes where id = ${signed.note.id}`.execute(store.db);
    expect(row.rows[0]?.review_status).toBe('cosigned');
  });

  it('blocks signing a billable note when the certification expired before the date of service, with the reason', async () => {
    const draft = await completeDraft();
    await store.db
      .updateTable('staff_profiles')
      .set({ certification_expires_on: '2026-11-01' })
      .where('user_id', '=', fixture.users.peer.id)
      .execute();
    try {
      const warned = await getNote(ctx, actorOf('peer'), draft.note.id);
      expect(
        warned.documentationProblems.find((p) => p.code === 'staff.certification.expired')?.severity,
      ).toBe('warning');
      const refused = await refusal(() =>
        signNote(ctx, actorOf('peer'), draft.note.id, { revision: draft.note.revision }),
      );
      expect(refused.kind).toBe('conflict');
      expect(refused.problems[0]).toMatchObject({ code: 'staff.certification.expired' });
      expect(refused.problems[0]?.message).toMatch(/expired on 2026-11-01/);
      expect(refused.problems[0]?.source?.ruleId).toBe('ca-dhcs.staff.certified');
      const after = await getNote(ctx, actorOf('peer'), draft.note.id);
      expect(after.note.status).toBe('draft');
      expect(await auditActions(draft.note.id)).not.toContain('note.sign');
    } finally {
      await store.db
        .updateTable('staff_profiles')
        .set({ certification_expires_on: '2028-12-31' })
        .where('user_id', '=', fixture.users.peer.id)
        .execute();
    }
  });

  it('suggests recovery language while drafting, and never blocks signing for it', async () => {
    const peer = actorOf('peer');
    const created = await createNote(ctx, peer, draftRequest());
    const saved = await saveDraft(ctx, peer, created.note.id, {
      revision: 1,
      fields: {
        ...COMPLETE_FIELDS,
        pin: { ...COMPLETE_FIELDS.pin, interaction: 'Member was non-compliant again.' },
      },
    });
    const wording = saved.documentationProblems.filter((problem) => problem.code.startsWith('language.'));
    expect(wording).toHaveLength(1);
    expect(wording[0]).toMatchObject({ severity: 'warning', path: ['fields', 'pin', 'interaction'] });
    const signed = await signNote(ctx, peer, created.note.id, { revision: saved.revision });
    expect(signed.note.status).toBe('signed');
    expect(signed.documentationProblems).toEqual([]);
  });

  it('asks for a late reason when signed after the due date', async () => {
    const peer = actorOf('peer');
    const created = await createNote(
      ctx,
      peer,
      draftRequest({ ...COMPLETE_FIELDS, dateOfService: '2026-11-13' }),
    );
    expect(created.note).toMatchObject({ dueOn: '2026-11-18', lateReasonNeeded: true });
    const refused = await refusal(() => signNote(ctx, peer, created.note.id, { revision: 1 }));
    expect(refused.problems.map((problem) => [problem.code, problem.path.join('.')])).toEqual([
      ['note.late_reason_missing', 'fields.lateReason'],
    ]);
    const saved = await saveDraft(ctx, peer, created.note.id, {
      revision: 1,
      fields: { lateReason: 'The member’s crisis took the rest of the week.' },
    });
    const signed = await signNote(ctx, peer, created.note.id, { revision: saved.revision });
    expect(signed.note.status).toBe('signed');
  });

  it('asks a North Carolina note for no late reason: its payer sets no deadline', async () => {
    const peer = actorOf('peer');
    const nc = fixture.members.find((each) => each.payerPack === 'nc-wellcare');
    if (nc === undefined) throw new Error('the fixture has no North Carolina member');
    const created = await createNote(
      ctx,
      peer,
      // A year back, in the previous state fiscal year, so the limit counts below are not touched.
      draftRequest({ ...COMPLETE_FIELDS, memberId: nc.id, dateOfService: '2025-11-14' }),
    );
    // Still listed as overdue after the default three business days, but not refused for it.
    expect(created.note).toMatchObject({ dueOn: '2025-11-19', lateReasonNeeded: false });
    expect(codes(created.documentationProblems)).not.toContain('note.late_reason_missing');
    const signed = await signNote(ctx, peer, created.note.id, { revision: created.note.revision });
    expect(signed.note.status).toBe('signed');
  });

  it('starts “part of the plan of care” unticked, and takes only goals of the member’s own plan', async () => {
    const peer = actorOf('peer');
    const created = await createNote(ctx, peer, draftRequest());
    expect(created.note.fields.interventionInPlan).toBe(false);
    // A goal of the member's plan: written on a new draft version (the approved one is frozen).
    const draftPlan = await store.db
      .insertInto('care_plans')
      .values({
        organisation_id: fixture.id,
        member_id: member.id,
        version: 2,
        kind: 'updated',
        author_id: fixture.users.peer.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const goal = await store.db
      .insertInto('care_plan_goals')
      .values({
        organisation_id: fixture.id,
        care_plan_id: draftPlan.id,
        position: 1,
        text: 'Find steady housing',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherMembersGoal = await goalOfAnotherMember();
    const refused = await refusal(() =>
      saveDraft(ctx, peer, created.note.id, {
        revision: 1,
        fields: { goalsAddressed: [goal.id, otherMembersGoal] },
      }),
    );
    expect(refused.kind).toBe('invalid');
    expect(refused.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['note.goal_not_in_plan', ['fields', 'goalsAddressed', 1]],
    ]);
    const onCreate = await refusal(() =>
      createNote(ctx, peer, draftRequest({ goalsAddressed: [otherMembersGoal] })),
    );
    expect(onCreate.problems[0]?.path).toEqual(['fields', 'goalsAddressed', 0]);
    const saved = await saveDraft(ctx, peer, created.note.id, {
      revision: 1,
      fields: { goalsAddressed: [goal.id], interventionInPlan: true },
    });
    expect(saved.fields).toMatchObject({ goalsAddressed: [goal.id], interventionInPlan: true });
  });

  it('judges a Los Angeles Plan of Care note on the version it documents: its content and approval, not a plan in effect', async () => {
    const peer = actorOf('peer');
    const la = await coveredLosAngelesMember(store.db, fixture);
    const plan = await store.db
      .insertInto('care_plans')
      .values({
        organisation_id: fixture.id,
        member_id: la.id,
        version: 1,
        kind: 'new',
        long_term_goals: 'Stay clean and keep my job. My family needs me.',
        member_participated: true,
        member_agreed: true,
        author_id: fixture.users.peer.id,
        effective_from: '2026-11-20',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await store.db
      .insertInto('care_plan_goals')
      .values({
        organisation_id: fixture.id,
        care_plan_id: plan.id,
        position: 1,
        text: 'Meet with the peer support specialist every week for a month',
        target_date: '2026-12-18',
      })
      .execute();
    const rules = (preview: ClaimPreview | null): string[] =>
      (preview?.problems ?? []).flatMap((problem) =>
        problem.source?.ruleId === undefined ? [] : [problem.source.ruleId],
      );

    // Any other service before the plan is approved: no approved plan of care.
    const other = await createNote(ctx, peer, draftRequest({ ...COMPLETE_FIELDS, memberId: la.id }));
    expect(other.preview?.pack.id).toBe('ca-la-sapc');
    expect(rules(other.preview)).toContain('ca-la-sapc.care_plan.approved');

    // The session that wrote the plan: judged as the Plan of Care note — waiting for approval, content complete.
    const written = await createNote(
      ctx,
      peer,
      draftRequest({ ...COMPLETE_FIELDS, memberId: la.id, planOfCareId: plan.id }),
    );
    expect(written.note.fields.planOfCareId).toBe(plan.id);
    expect(rules(written.preview)).toContain('ca-la-sapc.plan_of_care.approved');
    expect(rules(written.preview)).not.toContain('ca-la-sapc.care_plan.approved');
    expect(rules(written.preview)).not.toContain('ca-la-sapc.plan_of_care.content');

    // What the version holds is what is judged: without the member's agreement the content rule fires.
    await store.db
      .updateTable('care_plans')
      .set({ member_agreed: false })
      .where('id', '=', plan.id)
      .execute();
    const disagreed = await previewDraft(ctx, peer, written.note.id, { fields: {} });
    const content = disagreed.problems.find(
      (problem) => problem.source?.ruleId === 'ca-la-sapc.plan_of_care.content',
    );
    expect(content?.message).toContain('that the member agreed');

    await store.db
      .updateTable('care_plans')
      .set({
        member_agreed: true,
        status: 'approved',
        approved_by: fixture.users.supervisor.id,
        approver_role: 'peer_support_supervisor',
        approved_at: new Date('2026-11-21T18:00:00Z'),
      })
      .where('id', '=', plan.id)
      .execute();
    const approved = await getNote(ctx, peer, written.note.id);
    expect(rules(approved.preview)).not.toContain('ca-la-sapc.plan_of_care.approved');
    expect(rules(approved.preview)).not.toContain('ca-la-sapc.plan_of_care.content');

    // A version of another member's plan is refused, naming the field.
    const anotherMembersPlan = await store.db
      .selectFrom('care_plans')
      .select('id')
      .where('member_id', '=', member.id)
      .executeTakeFirstOrThrow();
    const foreign = await refusal(() =>
      saveDraft(ctx, peer, other.note.id, {
        revision: other.note.revision,
        fields: { planOfCareId: anotherMembersPlan.id },
      }),
    );
    expect(foreign.problems.map((problem) => [problem.code, problem.path])).toEqual([
      ['note.plan_of_care_unknown', ['fields', 'planOfCareId']],
    ]);
  });

  it('returns a note with a comment; the author’s addendum puts it back in the queue; the supervisor co-signs', async () => {
    const signed = await signedNote();
    const supervisor = actorOf('supervisor');
    const peer = actorOf('peer');
    expect((await listReviewQueue(ctx, supervisor)).map((note) => note.id)).toContain(signed.note.id);

    clock.advanceMinutes(5);
    const returned = await returnNote(ctx, supervisor, signed.note.id, {
      comment: 'Say which goal this served.',
    });
    expect(returned.note.reviewStatus).toBe('returned');
    expect(returned.note.reviews).toMatchObject([
      {
        action: 'returned',
        comment: 'Say which goal this served.',
        reviewer: { id: fixture.users.supervisor.id },
      },
    ]);
    expect((await listReviewQueue(ctx, supervisor)).map((note) => note.id)).not.toContain(signed.note.id);
    const notPending = await refusal(() => cosignNote(ctx, supervisor, signed.note.id));
    expect(notPending.problems[0]?.code).toBe('note.not_pending_review');

    clock.advanceMinutes(5);
    const answered = await addAddendum(ctx, peer, signed.note.id, {
      reason: 'Named the goal',
      text: 'This served goal 1: finding stable housing.',
    });
    expect(answered.note.reviewStatus).toBe('pending');
    expect(answered.note.addenda).toMatchObject([
      {
        reason: 'Named the goal',
        author: { id: fixture.users.peer.id },
        createdAt: clock.now().toISOString(),
      },
    ]);

    clock.advanceMinutes(5);
    const cosigned = await cosignNote(ctx, supervisor, signed.note.id);
    expect(cosigned.note.reviewStatus).toBe('cosigned');
    expect(cosigned.note.reviews.map((review) => review.action)).toEqual(['returned', 'cosigned']);
    expect(await auditActions(signed.note.id)).toEqual([
      'note.create',
      'note.save',
      'note.sign',
      'note.return',
      'note.addendum',
      'note.cosign',
    ]);
  });

  it('keeps review to the author’s supervisor or an admin, never the author', async () => {
    const signed = await signedNote();
    const own = await refusal(() => cosignNote(ctx, actorOf('peer'), signed.note.id));
    expect(own.kind).toBe('forbidden');
    const clinician = await refusal(() =>
      returnNote(ctx, actorOf('clinician'), signed.note.id, { comment: 'x' }),
    );
    expect(clinician.kind).toBe('forbidden');
    const admin = await cosignNote(ctx, actorOf('admin'), signed.note.id);
    expect(admin.note.reviewStatus).toBe('cosigned');
  });

  it('takes addenda on signed notes only', async () => {
    const draft = await completeDraft();
    const refused = await refusal(() =>
      addAddendum(ctx, actorOf('peer'), draft.note.id, { reason: 'why', text: 'what' }),
    );
    expect(refused.kind).toBe('conflict');
    expect(refused.problems[0]?.code).toBe('note.not_signed');
  });

  it('lets billing staff read notes but not write them, and keeps each peer to their own caseload', async () => {
    const signed = await signedNote();
    const billing = actorOf('billing');
    expect((await getNote(ctx, billing, signed.note.id)).note.id).toBe(signed.note.id);
    expect((await refusal(() => createNote(ctx, billing, draftRequest()))).kind).toBe('forbidden');
    expect(
      (await refusal(() => addAddendum(ctx, billing, signed.note.id, { reason: 'why', text: 'what' }))).kind,
    ).toBe('forbidden');

    // Another peer sees neither the member nor the note.
    expect((await refusal(() => getNote(ctx, otherPeer, signed.note.id))).kind).toBe('not_found');
    expect((await refusal(() => createNote(ctx, otherPeer, draftRequest()))).kind).toBe('not_found');
    expect(await listNotes(ctx, otherPeer, { limit: 50 })).toEqual([]);

    // The supervisor sees the team's notes; the author alone changes a draft.
    const draft = await completeDraft();
    const supervisor = actorOf('supervisor');
    expect((await listNotes(ctx, supervisor, { limit: 200 })).map((note) => note.id)).toContain(
      draft.note.id,
    );
    const notAuthor = await refusal(() =>
      saveDraft(ctx, supervisor, draft.note.id, { revision: draft.note.revision, fields: { end: '10:45' } }),
    );
    expect(notAuthor.kind).toBe('forbidden');
    const filtered = await listNotes(ctx, billing, { status: 'signed', memberId: member.id, limit: 200 });
    expect(filtered.every((note) => note.status === 'signed' && note.member.id === member.id)).toBe(true);
    expect(filtered.map((note) => note.id)).toContain(signed.note.id);
  });

  it('lists overdue drafts in business days on the program’s today, skipping Thanksgiving', async () => {
    const peer = actorOf('peer');
    const draft = await createNote(ctx, peer, draftRequest({ dateOfService: '2026-11-20' }));
    expect(draft.note.dueOn).toBe('2026-11-25');
    // Monday after Thanksgiving, 9 am in California: Friday the 27th and Monday the 30th are business days.
    const later = { ...ctx, clock: new ManualClock('2026-11-30T17:00:00Z') };
    const overdue = await listOverdueNotes(later, peer, {});
    const entry = overdue.notes.find((note) => note.id === draft.note.id);
    expect(entry?.businessDaysOverdue).toBe(2);
    expect(overdue.notes.every((note) => note.status === 'draft' && note.dueOn < '2026-11-30')).toBe(true);
    const mine = overdue.byAuthor.find((group) => group.author.id === fixture.users.peer.id);
    expect(mine?.count).toBe(overdue.notes.filter((note) => note.author.id === fixture.users.peer.id).length);
    expect(mine?.maxBusinessDaysOverdue).toBeGreaterThanOrEqual(2);
    expect(overdue.byProgram.map((group) => group.program.id)).toContain(member.programId);
    const listed = await listNotes(later, peer, { overdue: true, limit: 200 });
    expect(listed.map((note) => note.id)).toContain(draft.note.id);
    // On the due date itself it is not overdue yet.
    const onDue = { ...ctx, clock: new ManualClock('2026-11-25T20:00:00Z') };
    expect((await listOverdueNotes(onDue, peer, {})).notes.map((note) => note.id)).not.toContain(
      draft.note.id,
    );
  });

  it('counts the member’s other signed units that day in the same-day history', async () => {
    const peer = actorOf('peer');
    const date = '2026-11-19';
    const first = await createNote(
      ctx,
      peer,
      draftRequest({ ...COMPLETE_FIELDS, dateOfService: date, lateReason: 'Late.' }),
    );
    await signNote(ctx, peer, first.note.id, { revision: 1 });
    const second = await createNote(
      ctx,
      peer,
      draftRequest({ ...COMPLETE_FIELDS, dateOfService: date, start: '14:00', end: '15:00' }),
    );
    const dayLimit = second.preview?.limits.find((limit) => limit.period === 'day');
    expect(dayLimit?.usedBefore).toBe(4);
  });

  it('counts toward the North Carolina and Kansas limits only the earlier notes billing would claim', async () => {
    const peer = actorOf('peer');
    const memberCoveredBy = (pack: string): FixtureMember => {
      const found = fixture.members.find((each) => each.payerPack === pack);
      if (found === undefined) throw new Error(`the fixture has no member covered by ${pack}`);
      return found;
    };
    const signNew = async (request: CreateNoteRequest): Promise<void> => {
      const created = await createNote(ctx, peer, {
        ...COMPLETE_FIELDS,
        lateReason: 'Catching up.',
        ...request,
      });
      await signNote(ctx, peer, created.note.id, { revision: created.note.revision });
    };
    const nc = memberCoveredBy('nc-wellcare');
    // June belongs to the previous state fiscal year; July and October count.
    await signNew(draftRequest({ memberId: nc.id, dateOfService: '2026-06-30' }));
    await signNew(draftRequest({ memberId: nc.id, dateOfService: '2026-07-01' }));
    await signNew(
      draftRequest({ memberId: nc.id, dateOfService: '2026-10-05', start: '10:00', end: '10:30' }),
    );
    const ncDraft = await createNote(ctx, peer, draftRequest({ ...COMPLETE_FIELDS, memberId: nc.id }));
    // The preview counts what billing would count: these notes are held (this peer is not certified in North
    // Carolina, and the member's eligibility is not verified on those dates), so they use none of the 24 units.
    // services/claims/preview-equals-billing.int.test.ts counts billable North Carolina notes.
    expect(
      ncDraft.preview?.limits.find((limit) => limit.period === 'episode_state_fiscal_year'),
    ).toMatchObject({
      usedBefore: 0,
      thisService: 4,
    });

    const ks = memberCoveredBy('ks-pahp');
    const group = { memberId: ks.id, serviceType: 'skill_building_group' } as const;
    await signNew(draftRequest({ ...group, dateOfService: '2025-12-30', start: '09:00', end: '12:00' }));
    await signNew(draftRequest({ ...group, dateOfService: '2026-03-02', start: '09:00', end: '11:00' }));
    await signNew(draftRequest({ memberId: ks.id, dateOfService: '2026-03-03' }));
    const ksDraft = await createNote(ctx, peer, draftRequest({ ...COMPLETE_FIELDS, ...group }));
    // Held too (no group size recorded, as the draft shows): none of the year’s group hours are used.
    expect(ksDraft.preview?.limits.find((limit) => limit.period === 'calendar_year')).toMatchObject({
      usedBefore: 0,
      thisService: 1,
    });
  });

  it('leaves nothing behind when the transaction a draft was started in fails', async () => {
    const before = await store.db
      .selectFrom('service_notes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    let createdId: string | undefined;
    await expect(
      ctx.db.transaction().execute(async (trx) => {
        createdId = await insertDraftNote(trx, clock, actorOf('peer'), {
          memberId: member.id,
          fields: { serviceType: 'skill_building_group', dateOfService: DATE_OF_SERVICE },
        });
        throw new Error('the group session could not be saved');
      }),
    ).rejects.toThrow(/group session/);
    expect(createdId).toBeDefined();
    const after = await store.db
      .selectFrom('service_notes')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .executeTakeFirstOrThrow();
    expect(after.count).toBe(before.count);
    expect(await auditActions(createdId ?? '')).toEqual([]);
  });
});
