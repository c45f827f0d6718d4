/**
 * The whole demo organisation, as `npm start` makes it: what a first-time visitor can do with it. Every staff
 * member is compliant under the packs of the members they serve (so the demo's notes can be signed), each
 * peer has a caseload and notes, the supervisor has notes to review and the overdue list is not empty; the
 * peers of North Carolina and Kansas have printed logins, so their states' rules can be shown; billing staff
 * can bill the month and get 837 files the writer accepts (payer settings, NPIs, members' sex and address).
 * Los Angeles members' notes open with their signed Plan of Care note, so none is held for coming before it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ManualClock,
  demoUnitChargeFor,
  serviceLinesOf837,
  openTestStore,
  testContext,
  testDatabaseKind,
  type TestStore,
} from '../../testing/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { searchMembers } from '../members/index.js';
import { verifyPassword } from '../auth/index.js';
import { createNote, listNotes, listOverdueNotes, listReviewQueue, previewDraft } from '../notes/index.js';
import { calendarDateIn } from '../time/index.js';
import { getGroup, listGroups } from '../groups/index.js';
import {
  batchFile,
  export837Stream,
  getWorklist,
  listPayerSettings,
  processBillingRun,
  startBillingRun,
} from '../billing/index.js';
import { addDays } from '../../engine/index.js';
import { isSyntheticNpi } from '../../synthetic/index.js';
import { listStaff } from '../staff/index.js';
import { createDemoData, formatDemoLogins, type DemoDataResult } from './index.js';

let store: TestStore;
let ctx: ServiceContext;
let demo: DemoDataResult;

async function actorFor(email: string): Promise<Actor> {
  const user = await store.db
    .selectFrom('users')
    .select(['id', 'organisation_id', 'roles'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return { userId: user.id, email, organisationId: user.organisation_id, roles: user.roles, ip: null };
}

beforeAll(async () => {
  store = await openTestStore();
  ctx = testContext(store, new ManualClock());
  demo = await createDemoData(ctx, { password: () => 'demo password for tests only' });
});

afterAll(async () => {
  await store.dispose();
});

describe(`the demo organisation on ${testDatabaseKind()}`, () => {
  it('has every staff member compliant under the packs of the members they serve', async () => {
    const admin = await actorFor('admin@demo.peerline.test');
    const { staff } = await listStaff(ctx, admin, { needsAttention: false });
    const peers = staff.filter((member) => member.roles.includes('peer'));
    expect(peers).toHaveLength(3);
    const judged = staff.filter(
      (member) => member.roles.includes('peer') || member.roles.includes('supervisor'),
    );
    for (const member of judged) {
      expect({ name: member.displayName, status: member.compliance.status }).toEqual({
        name: member.displayName,
        status: 'compliant',
      });
    }
  });

  it('gives each peer a caseload, the demo peer notes in every state, and the supervisor a review queue', async () => {
    const admin = await actorFor('admin@demo.peerline.test');
    const all = await searchMembers(ctx, admin, { scope: 'all', includeInactive: false, limit: 100 });
    const peerIds = new Set(all.members.map((member) => member.assignedPeer?.id));
    expect(peerIds.size).toBeGreaterThanOrEqual(4);

    const peer = await actorFor('peer@demo.peerline.test');
    const notes = await listNotes(ctx, peer, { limit: 200 });
    expect(new Set(notes.map((note) => note.status))).toEqual(new Set(['draft', 'signed']));
    expect(new Set(notes.map((note) => note.reviewStatus))).toEqual(
      new Set(['not_required', 'pending', 'returned', 'cosigned']),
    );
    const overdue = await listOverdueNotes(ctx, peer, {});
    expect(overdue.notes.length).toBeGreaterThan(0);

    const supervisor = await actorFor('supervisor@demo.peerline.test');
    expect((await listReviewQueue(ctx, supervisor)).length).toBeGreaterThan(0);
  });

  it('prints the North Carolina peer’s login, who can show the audio-only consent rule on their own member', async () => {
    // Before, the only printed peer was California's, and the consent rule exists only in North Carolina.
    expect(demo.logins.map((login) => [login.role, login.state])).toEqual([
      ['peer', undefined],
      ['supervisor', undefined],
      ['clinician', undefined],
      ['billing', undefined],
      ['admin', undefined],
      ['peer', 'NC'],
      ['peer', 'KS'],
    ]);
    const printed = formatDemoLogins(demo, 'http://localhost:3000');
    expect(printed).toMatch(
      /^ {2}peer \(NC\) +peer\.nc@demo\.peerline\.test +demo password for tests only$/m,
    );
    const ncLogin = demo.logins.find((login) => login.state === 'NC');
    const user = await store.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', ncLogin?.email ?? '')
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(user.password_hash, ncLogin?.password ?? '')).toBe(true);

    const ncPeer = await actorFor(ncLogin?.email ?? '');
    const caseload = await searchMembers(ctx, ncPeer, {
      scope: 'caseload',
      includeInactive: false,
      limit: 100,
    });
    let shown = false;
    for (const member of caseload.members) {
      const draft = await createNote(ctx, ncPeer, {
        memberId: member.id,
        serviceType: 'engagement',
        dateOfService: calendarDateIn(ctx.clock.now(), 'America/New_York'),
        start: '10:00',
        end: '11:00',
      });
      const audioOnly = await previewDraft(ctx, ncPeer, draft.note.id, {
        fields: { modality: 'audio_only', memberLocation: 'home', identityVerified: true },
      });
      expect(audioOnly.pack.id).toBe('nc-wellcare');
      shown ||= audioOnly.problems.some((problem) => problem.path.join('.') === 'member.consents.audioOnly');
    }
    expect(shown).toBe(true);
  });

  it('has a group led by the demo peer where no attendee’s claim is held back by the leader’s credentials', async () => {
    const peer = await actorFor('peer@demo.peerline.test');
    const [summary] = await listGroups(ctx, peer, { limit: 50 });
    expect(summary).toBeDefined();
    const group = await getGroup(ctx, peer, summary?.id ?? '');
    expect(group.attendees).toHaveLength(3);
    const staffProblems = group.attendees.flatMap((attendee) =>
      (attendee.preview?.problems ?? []).filter((problem) => problem.path[0] === 'staff'),
    );
    expect(staffProblems).toEqual([]);
  });

  it('opens each Los Angeles member’s notes with a signed Plan of Care note documenting their approved plan', async () => {
    const covered = await store.db
      .selectFrom('coverage_periods')
      .select('member_id')
      .where('organisation_id', '=', demo.organisationId)
      .where('payer_pack', '=', 'ca-la-sapc')
      .execute();
    const notes = await store.db
      .selectFrom('service_notes')
      .select(['member_id', 'status', 'date_of_service', 'plan_of_care_id'])
      .where('organisation_id', '=', demo.organisationId)
      .where(
        'member_id',
        'in',
        covered.map((row) => row.member_id),
      )
      .orderBy('date_of_service')
      .execute();
    const withNotes = [...new Set(notes.map((note) => note.member_id))];
    // All three of the Los Angeles program: two on the demo peer's caseload, and all three in the group.
    expect(withNotes).toHaveLength(3);
    for (const memberId of withNotes) {
      const plan = await store.db
        .selectFrom('care_plans')
        .select(['id', 'effective_from'])
        .where('member_id', '=', memberId)
        .where('status', '=', 'approved')
        .executeTakeFirstOrThrow();
      const own = notes.filter((note) => note.member_id === memberId);
      const first = own.find((note) => note.status === 'signed');
      expect(first?.plan_of_care_id).toBe(plan.id);
      const firstOn = first?.date_of_service ?? '';
      expect(firstOn > (plan.effective_from ?? '9999-12-31')).toBe(true);
      // Every other note of the member, drafts too (they are signed later), is on or after it.
      expect(own.filter((note) => note.date_of_service < firstOn)).toEqual([]);
    }
  });

  it('lets billing staff bill the last month: notes held by problem, the rest claimed into 837 files', async () => {
    const billing = await actorFor('billing@demo.peerline.test');
    const payers = await listPayerSettings(ctx, billing);
    expect(payers.map((payer) => payer.payerPack)).toEqual([
      'ca-acbhd',
      'ca-dhcs',
      'ca-la-sapc',
      'ks-pahp',
      'nc-wellcare',
    ]);
    // Synthetic and marked as test files, so nothing made from the demo could pass for a real claim.
    for (const payer of payers) {
      expect(payer).toMatchObject({ usageIndicator: 'T', receiverId: 'ZZDEMOCLEARING' });
      expect(payer.payerId).toMatch(/^ZZ/);
    }
    const npis = await store.db.selectFrom('staff_profiles').select('npi').execute();
    expect(npis.every((row) => row.npi !== null && isSyntheticNpi(row.npi))).toBe(true);
    const members = await store.db
      .selectFrom('members')
      .select(['sex', 'address_line1', 'city', 'state', 'postal_code'])
      .where('organisation_id', '=', demo.organisationId)
      .execute();
    for (const member of members) {
      expect(member.sex).toMatch(/^[FM]$/);
      expect(member.address_line1).toMatch(/^\d+ [A-Z][a-z]+ [A-Z][a-z]+$/);
      expect(member.postal_code).toMatch(/^\d{5}0000$/);
    }

    const today = calendarDateIn(ctx.clock.now(), 'America/Los_Angeles');
    const run = await startBillingRun(ctx, billing, { from: addDays(today, -30), to: today });
    await processBillingRun(ctx, billing, run.id);
    const worklist = await getWorklist(ctx, billing, {});
    expect(worklist.held.length).toBeGreaterThan(0);
    expect(worklist.groups.map((group) => group.owner)).toContain('supervisor');
    // Los Angeles members' notes come after their Plan of Care note, which is itself claimed.
    expect(worklist.groups.map((group) => group.source?.ruleId)).not.toContain(
      'ca-la-sapc.plan_of_care.first_note',
    );
    const planOfCareNotes = await store.db
      .selectFrom('service_notes')
      .select('id')
      .where('organisation_id', '=', demo.organisationId)
      .where('plan_of_care_id', 'is not', null)
      .execute();
    expect(planOfCareNotes).toHaveLength(3);
    const heldIds = new Set(worklist.held.map((note) => note.noteId));
    expect(planOfCareNotes.filter((note) => heldIds.has(note.id))).toEqual([]);
    const ready = worklist.claimsByStatus.find((count) => count.status === 'ready');
    expect(ready?.claims).toBeGreaterThan(0);

    const packs = [...new Set(payers.map((payer) => payer.payerPack))];
    let files = 0;
    const claimedPacks = new Set<string>();
    for (const pack of packs) {
      for (const batch of (await export837Stream(ctx, billing, pack)).batches) {
        const file = await batchFile(ctx, billing, batch.id);
        expect(file.content.startsWith('ISA*')).toBe(true);
        expect(file.content).toContain('CLM*');
        files += 1;
        // Read back, every line charges units × the demo's fee schedule, never $0.00.
        for (const line of serviceLinesOf837(file.content)) {
          expect(line.chargeCents, `${pack} ${line.procedure}`).toBe(
            line.units * demoUnitChargeFor(pack, line.procedure),
          );
          expect(line.chargeCents).toBeGreaterThan(0);
          claimedPacks.add(pack);
        }
      }
    }
    expect(files).toBeGreaterThan(0);
    // The demo's month claims Alameda and Los Angeles notes (the rest are held: its review queue, a returned
    // note…); the preview-equals-billing scenarios check the same of Medi-Cal, Kansas and North Carolina.
    expect([...claimedPacks].sort()).toEqual(['ca-acbhd', 'ca-la-sapc']);
  });
});
