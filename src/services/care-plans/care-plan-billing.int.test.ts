/**
 * Database suite: "billing before an approved plan is blocked where the pack says so". The plan of care in
 * the store reaches the payer rules through `carePlanOn`; a claim preview for a member without an approved
 * plan carries the pack's problem under Medi-Cal (which requires one) and not under Kansas or North Carolina
 * (which do not), and the problem goes away once the plan is approved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClaimPreviewRequestSchema, type ClaimPreview } from '../../shared/api/claims.js';
import type { PayerPackId } from '../../shared/programs.js';
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
  insertSignedNote,
  coveredLosAngelesMember,
} from '../../testing/index.js';
import { billableCaDhcsRequest } from '../../testing/claim-requests.js';
import { previewClaim } from '../claims/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { getNote } from '../notes/index.js';
import { approveCarePlan, carePlanOn, createCarePlan, submitCarePlan } from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let fixture: DocumentationFixture;

const DATE_OF_SERVICE = '2026-11-24';

const actorOf = (role: Role): Actor => fixtureActor(fixture, role);

function memberCovered(pack: PayerPackId): FixtureMember {
  const member = fixture.members.find((each) => each.payerPack === pack);
  if (member === undefined) throw new Error(`the fixture has no member covered by ${pack}`);
  return member;
}

/** A billable hour for `member` under `pack`, with the plan of care exactly as the store has it. */
async function previewFor(member: FixtureMember, pack: PayerPackId): Promise<ClaimPreview> {
  const { carePlan } = await carePlanOn(store.db, fixture.id, member.id, DATE_OF_SERVICE);
  const input = billableCaDhcsRequest();
  input.payerPack = pack;
  input.service.dateOfService = DATE_OF_SERVICE;
  input.service.signedOn = DATE_OF_SERVICE;
  input.member.coverage = [{ payerPack: pack, memberId: member.medicaidId, from: '2025-01-01', to: null }];
  input.member.carePlan = carePlan;
  return previewClaim(ClaimPreviewRequestSchema.parse(input));
}

function carePlanProblems(preview: ClaimPreview): string[] {
  return preview.problems
    .filter((problem) => problem.path[0] === 'member' && problem.path[1] === 'carePlan')
    .map((problem) => problem.code);
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock('2026-11-23T18:00:00Z'));
  fixture = await createDocumentationFixture(ctx, 'billing-plan');
});

afterAll(async () => {
  await store.dispose();
});

describe(`a plan of care and the payer rules on ${testDatabaseKind()}`, () => {
  it('shows Medi-Cal’s problem for a member without an approved plan, citing its source', async () => {
    const member = memberCovered('ca-dhcs');
    const preview = await previewFor(member, 'ca-dhcs');
    expect(preview.billable).toBe(false);
    const problem = preview.problems.find((each) => each.code === 'ca-dhcs.care_plan.approved');
    expect(problem).toMatchObject({
      severity: 'error',
      path: ['member', 'carePlan'],
      source: { ruleId: 'ca-dhcs.care_plan.approved' },
    });
    expect(problem?.message).toContain('no approved plan of care in effect');
  });

  it('shows no plan-of-care problem under packs that do not require a plan (Kansas, North Carolina)', async () => {
    for (const pack of ['ks-pahp', 'nc-wellcare'] as const) {
      expect(carePlanProblems(await previewFor(memberCovered(pack), pack))).toEqual([]);
    }
  });

  it('clears Medi-Cal’s problem once the plan is approved, and not before', async () => {
    const member = memberCovered('ca-dhcs');
    const plan = await createCarePlan(ctx, actorOf('peer'), member.id, {
      longTermGoals: 'I want to feel steady enough to see my kids every weekend.',
      shortTermGoals: [
        { text: 'Go to two support meetings a week', targetDate: '2027-01-31', status: 'not_started' },
      ],
      memberParticipated: true,
      memberAgreed: true,
    });
    await submitCarePlan(ctx, actorOf('peer'), plan.id);
    expect(carePlanProblems(await previewFor(member, 'ca-dhcs'))).toEqual(['ca-dhcs.care_plan.approved']);
    await approveCarePlan(ctx, actorOf('supervisor'), plan.id, {});
    const preview = await previewFor(member, 'ca-dhcs');
    expect(carePlanProblems(preview)).toEqual([]);
    expect(preview.billable).toBe(true);
  });
});

describe(`Los Angeles: the Plan of Care is the first progress note, on ${testDatabaseKind()}`, () => {
  // 004: "This Plan of Care should be the first progress note entered for members receiving Peer Support
  // Services" — judged through the claim context, from the member's signed notes that document a plan.
  it('holds a service dated before the member’s first signed Plan of Care note, and not one on or after it', async () => {
    const la = await coveredLosAngelesMember(store.db, fixture);
    // A new version of the member's plan, approved on its own (not through a note), in effect on every date
    // below.
    const latest = await store.db
      .selectFrom('care_plans')
      .select((eb) => eb.fn.max('version').as('version'))
      .where('member_id', '=', la.id)
      .executeTakeFirst();
    const plan = await store.db
      .insertInto('care_plans')
      .values({
        organisation_id: fixture.id,
        member_id: la.id,
        version: (latest?.version ?? 0) + 1,
        kind: 'new',
        status: 'approved',
        author_id: fixture.users.peer.id,
        effective_from: '2026-11-01',
        approved_by: fixture.users.clinician.id,
        approver_role: 'behavioral_health_professional',
        approved_at: new Date('2026-11-01T17:00:00Z'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const before = await insertSignedNote(store.db, fixture, la, { date: '2026-11-10' });
    const after = await insertSignedNote(store.db, fixture, la, { date: '2026-11-13' });
    const peer = actorOf('peer');
    const rulesOf = async (noteId: string): Promise<string[]> => {
      const { preview } = await getNote(ctx, peer, noteId);
      expect(preview?.pack.id).toBe('ca-la-sapc');
      return (preview?.problems ?? []).flatMap((problem) =>
        problem.source?.ruleId === undefined ? [] : [problem.source.ruleId],
      );
    };
    const FIRST_NOTE = 'ca-la-sapc.plan_of_care.first_note';

    // No note documents the plan yet: every service is before the first Plan of Care note.
    expect(await rulesOf(after)).toContain(FIRST_NOTE);

    const planNote = await insertSignedNote(store.db, fixture, la, {
      date: '2026-11-12',
      planOfCareId: plan.id,
    });
    const beforeRules = await rulesOf(before);
    expect(beforeRules).toContain(FIRST_NOTE);
    // One problem, not two: the plan is approved, so the approved-plan rule is silent.
    expect(beforeRules).not.toContain('ca-la-sapc.care_plan.approved');
    expect(await rulesOf(after)).not.toContain(FIRST_NOTE);
    expect(await rulesOf(planNote)).not.toContain(FIRST_NOTE);
  });
});
