/**
 * The one claim path, held to its promise: for every note, the claim its peer is shown when signing is what
 * the billing run then claims or holds — the same line (code, modifiers, units, rate, amount, place of
 * service, the authorization it burns) or the same problems. A seeded generator writes months of notes for
 * several members under every payer — individual notes and groups, several a day, North Carolina's 24
 * unmanaged units run through and prior authorizations drawn down, members without a plan or eligibility
 * check so some notes are held — signs them in the order billing judges them, and runs billing now and then
 * in between. Runs on PGlite, and on PostgreSQL with TEST_DATABASE_URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../context.js';
import type { Problem } from '../../shared/problem.js';
import { npiCheckDigit } from '../../shared/npi.js';
import type { PayerPackId } from '../../shared/programs.js';
import { createRng, type Rng } from '../../synthetic/index.js';
import {
  ManualClock,
  createDocumentationFixture,
  fixtureActor,
  demoUnitChargeFor,
  serviceLinesOf837,
  testPayerSettings,
  type ServiceLineRead,
  insertApprovedPlan,
  insertCertifiedPeer,
  openTestStore,
  testContext,
  testDatabaseKind,
  type DocumentationFixture,
  type TestStore,
} from '../../testing/index.js';
import {
  batchFile,
  decisionOf,
  export837Stream,
  processBillingRun,
  savePayerSettings,
  startBillingRun,
  type Decision,
} from '../billing/index.js';
import type { ServiceContext } from '../context.js';
import { fieldsOfRow } from '../note-fields/index.js';
import { judgeNoteInHand, noteInHand, signNoteIn } from '../notes/index.js';

let store: TestStore;
let clock: ManualClock;
let ctx: ServiceContext;

beforeAll(async () => {
  store = await openTestStore();
  clock = new ManualClock('2026-01-01T12:00:00Z');
  ctx = testContext(store, clock);
});

afterAll(async () => {
  await store.dispose();
});

/** A member of the scenario, with the peer who writes their notes. */
interface ScenarioMember {
  id: string;
  programId: string;
  payerPack: PayerPackId;
  author: Actor;
  /** Whether the member has the diagnosis and plan of care their payer needs. */
  complete: boolean;
}

/** What billing did with a note, in the terms both sides can be compared in. */
type Outcome =
  | {
      claimed: {
        code: string;
        modifiers: string[];
        units: number;
        unitChargeCents: number;
        chargeCents: number;
        unitRateCents: number | null;
        expectedCents: number | null;
        placeOfService: string;
        authorizationId: string | null;
        groupMinutes: number;
      };
    }
  | { held: Pick<Problem, 'severity' | 'code' | 'message' | 'path'>[] };

function expectedOutcome(decision: Decision): Outcome | null {
  switch (decision.kind) {
    case 'other_payer':
      return null;
    case 'claim':
      return {
        claimed: {
          code: decision.line.code,
          modifiers: decision.line.modifiers,
          units: decision.line.units,
          unitChargeCents: decision.line.unitChargeCents,
          chargeCents: decision.line.chargeCents,
          unitRateCents: decision.line.unitRateCents,
          expectedCents: decision.line.expectedCents,
          placeOfService: decision.line.placeOfService,
          authorizationId: decision.authorizationId,
          groupMinutes: decision.groupMinutes,
        },
      };
    case 'hold':
      return { held: decision.problems.map(comparable) };
  }
}

function comparable(problem: Problem): Pick<Problem, 'severity' | 'code' | 'message' | 'path'> {
  return { severity: problem.severity, code: problem.code, message: problem.message, path: problem.path };
}

async function billedOutcome(organisationId: string, noteId: string): Promise<Outcome> {
  const line = await store.db
    .selectFrom('claim_lines')
    .select([
      'code',
      'modifiers',
      'units',
      'unit_charge_cents',
      'charge_cents',
      'expected_unit_rate_cents',
      'expected_cents',
      'place_of_service',
      'authorization_id',
      'group_minutes',
    ])
    .where('organisation_id', '=', organisationId)
    .where('note_id', '=', noteId)
    .where('current', '=', true)
    .executeTakeFirst();
  if (line !== undefined) {
    return {
      claimed: {
        code: line.code,
        modifiers: line.modifiers,
        units: line.units,
        unitChargeCents: line.unit_charge_cents,
        chargeCents: line.charge_cents,
        unitRateCents: line.expected_unit_rate_cents,
        expectedCents: line.expected_cents,
        placeOfService: line.place_of_service,
        authorizationId: line.authorization_id,
        groupMinutes: line.group_minutes,
      },
    };
  }
  const hold = await store.db
    .selectFrom('billing_holds')
    .select('problems')
    .where('organisation_id', '=', organisationId)
    .where('note_id', '=', noteId)
    .executeTakeFirstOrThrow();
  return { held: hold.problems.map(comparable) };
}

const PIN = {
  pin_plan: 'Practise asking for help, as in the member’s plan of care.',
  pin_interaction: 'Role-played a call to the housing office together.',
  pin_next_steps: 'The member makes the call on Friday; we meet Monday.',
};

/** A clock time `minutes` after midnight. */
function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Members under every payer, each on the caseload of a peer certified where it bills. */
async function scenarioMembers(fixture: DocumentationFixture, rng: Rng): Promise<ScenarioMember[]> {
  const ncPeer = await insertCertifiedPeer(store.db, fixture, 'north_carolina_peer', `nc${rng.int(1, 1e6)}`);
  const ksPeer = await insertCertifiedPeer(store.db, fixture, 'kansas_peer', `ks${rng.int(1, 1e6)}`);
  const peerOf = (pack: PayerPackId): Actor => {
    const certifiedThere: Partial<Record<PayerPackId, string>> = { 'nc-wellcare': ncPeer, 'ks-pahp': ksPeer };
    const userId = certifiedThere[pack] ?? fixture.users.peer.id;
    return {
      userId,
      email: `${userId}@fixtures.peerline.test`,
      organisationId: fixture.id,
      roles: ['peer'],
      ip: null,
    };
  };
  const members: ScenarioMember[] = [];
  // By payer, not as the fixture lists them: its program names, and so their order, are new every run.
  const byPayer = [...fixture.members].sort((a, b) => a.payerPack.localeCompare(b.payerPack));
  for (const like of byPayer) {
    for (let index = 0; index < 2; index += 1) {
      const author = peerOf(like.payerPack);
      const member = await store.db
        .insertInto('members')
        .values({
          organisation_id: fixture.id,
          first_name: `Scenario${index}`,
          last_name: like.payerPack,
          date_of_birth: '1990-03-14',
          program_id: like.programId,
          assigned_peer_id: author.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await store.db
        .insertInto('coverage_periods')
        .values({
          organisation_id: fixture.id,
          member_id: member.id,
          payer_pack: like.payerPack,
          plan_name: 'Fixture Medicaid plan',
          member_number: `ZZPB${member.id.slice(0, 8).toUpperCase()}`,
          starts_on: '2025-01-01',
        })
        .execute();
      // Most members have what their payer needs; some lack a diagnosis and a plan, so are held. North
      // Carolina's always have them (their limits are what the scenario is for); eligibility gaps hold some.
      const complete = like.payerPack === 'nc-wellcare' || rng.chance(0.75);
      if (complete) {
        await store.db
          .insertInto('diagnoses')
          .values({
            organisation_id: fixture.id,
            member_id: member.id,
            code: 'F33.1',
            description: 'Major depressive disorder, recurrent, moderate',
            category: 'mental_health',
            recorded_on: '2025-01-01',
          })
          .execute();
        await insertApprovedPlan(store.db, fixture, { ...like, id: member.id }, '2026-01-01');
      }
      if (like.payerPack === 'ks-pahp') {
        // Kansas eligibility criteria (003), determined before the month.
        await store.db
          .insertInto('eligibility_determinations')
          .values(
            (['functional_assessment', 'medical_necessity'] as const).map((criterion) => ({
              organisation_id: fixture.id,
              member_id: member.id,
              criterion,
              determined_on: '2026-01-05',
              determined_by: 'Fixture Clinician, LCSW',
              recorded_by: fixture.users.clinician.id,
            })),
          )
          .execute();
      }
      if (like.payerPack === 'nc-wellcare') {
        await store.db
          .insertInto('episodes_of_care')
          .values({
            organisation_id: fixture.id,
            member_id: member.id,
            program_id: like.programId,
            admitted_on: '2026-01-05',
            assessment_on: '2026-01-05',
            assessment_clinician: 'Fixture Clinician, LCSW',
            service_order_on: '2026-01-05',
            service_order_clinician: 'Fixture Clinician',
            service_order_credential: 'LCSW',
          })
          .execute();
        // A prior authorization for some of the units past the 24 unmanaged ones, for the first member only:
        // the second runs into the limit with nothing to draw on.
        if (index === 0) {
          await store.db
            .insertInto('authorizations')
            .values({
              organisation_id: fixture.id,
              member_id: member.id,
              payer_pack: 'nc-wellcare',
              number: `PA-${member.id.slice(0, 6)}`,
              code: 'H0038',
              units: rng.int(16, 40),
              valid_from: '2026-01-01',
              valid_to: '2026-12-31',
              created_by: fixture.users.billing.id,
            })
            .execute();
        }
      }
      members.push({
        id: member.id,
        programId: like.programId,
        payerPack: like.payerPack,
        author,
        complete,
      });
    }
  }
  return members;
}

/** A draft note, or a group session's attendee notes, on `date`. */
interface PlannedService {
  date: string;
  start: number;
  minutes: number;
  members: ScenarioMember[];
  group: boolean;
}

function planServices(
  rng: Rng,
  members: readonly ScenarioMember[],
  days: readonly string[],
): PlannedService[] {
  const services: PlannedService[] = [];
  for (const date of days) {
    for (const member of members) {
      // North Carolina's members are seen most, so its 24 unmanaged units run out within the month.
      const count = rng.pick(member.payerPack === 'nc-wellcare' ? [1, 2, 2, 3] : [0, 0, 1, 1, 2]);
      for (let index = 0; index < count; index += 1) {
        services.push({
          date,
          start: rng.int(8, 17) * 60 + rng.pick([0, 15, 30, 45]),
          minutes: rng.pick([20, 30, 45, 60, 90, 120]),
          members: [member],
          group: false,
        });
      }
    }
    // A group of two or three members of one program now and then.
    if (rng.chance(0.5)) {
      // Of members outside North Carolina with what their payer needs, so groups are claimed too (North
      // Carolina's limit holds most of its notes by the month's end).
      const first = rng.pick(members.filter((each) => each.complete && each.payerPack !== 'nc-wellcare'));
      const sameProgram = members.filter((each) => each.complete && each.programId === first.programId);
      services.push({
        date,
        start: rng.int(9, 15) * 60,
        minutes: rng.pick([60, 90]),
        members: sameProgram.slice(0, rng.int(2, 3)),
        group: true,
      });
    }
  }
  return services;
}

/** Writes the service's drafts (and group session), answering the notes' ids. */
/**
 * A version-4-shaped id drawn from the scenario's generator: notes of one member that start at the same time
 * are judged in id order, so ids from the seed keep each scenario the same from run to run.
 */
function seededId(rng: Rng): string {
  const hex = Array.from({ length: 32 }, () => rng.int(0, 15).toString(16));
  hex[12] = '4';
  hex[16] = '8';
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

async function writeDrafts(
  fixture: DocumentationFixture,
  service: PlannedService,
  rng: Rng,
): Promise<string[]> {
  const [first] = service.members;
  if (first === undefined) return [];
  let sessionId: string | null = null;
  if (service.group) {
    const session = await store.db
      .insertInto('group_sessions')
      .values({
        organisation_id: fixture.id,
        program_id: first.programId,
        topic: 'Planning the week',
        date_of_service: service.date,
        start_time: clockTime(service.start),
        end_time: clockTime(service.start + service.minutes),
        place_of_service: '11',
        created_by: first.author.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    sessionId = session.id;
    await store.db
      .insertInto('group_facilitators')
      .values({
        organisation_id: fixture.id,
        group_session_id: session.id,
        user_id: first.author.userId,
        role: 'lead',
        minutes: service.minutes,
      })
      .execute();
  }
  const ids: string[] = [];
  for (const member of service.members) {
    const row = await store.db
      .insertInto('service_notes')
      .values({
        id: seededId(rng),
        organisation_id: fixture.id,
        member_id: member.id,
        program_id: member.programId,
        author_id: first.author.userId,
        group_session_id: sessionId,
        service_type: service.group ? 'skill_building_group' : 'engagement',
        date_of_service: service.date,
        start_time: clockTime(service.start),
        end_time: clockTime(service.start + service.minutes),
        gaps: '[]',
        modality: 'in_person',
        place_of_service: '11',
        intervention_in_plan: true,
        ...PIN,
        member_response: 'Said it felt manageable.',
        due_on: service.date,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

describe(`the preview at signing equals what billing claims or holds, on ${testDatabaseKind()}`, () => {
  it.each(['equal-1', 'equal-3', 'equal-4'])(
    'seed %s: a month of notes, signed in billing order with runs in between',
    async (seed) => {
      const rng = createRng(seed);
      const fixture = await createDocumentationFixture(ctx, seed);
      const members = await scenarioMembers(fixture, rng);
      const days = Array.from(
        { length: 8 },
        (_, index) => `2026-03-${String(2 + index * 3).padStart(2, '0')}`,
      );
      // Eligibility checked on most dates (North Carolina checks each date of service).
      for (const member of members) {
        if (member.payerPack !== 'nc-wellcare') continue;
        const checked = days.filter(() => rng.chance(0.85));
        if (checked.length === 0) continue;
        await store.db
          .insertInto('eligibility_checks')
          .values(
            checked.map((date) => ({
              organisation_id: fixture.id,
              member_id: member.id,
              checked_on: date,
              result: 'eligible' as const,
              source: 'NCTracks',
              checked_by: fixture.users.billing.id,
            })),
          )
          .execute();
      }
      const services = planServices(rng, members, days);
      const billing = fixtureActor(fixture, 'billing');
      const expected = new Map<string, Outcome>();
      let unbilled: string[] = [];
      const compareAfterRun = async (to: string): Promise<void> => {
        // Co-signed before billing: this property is about the payer's rules, not the review queue.
        if (unbilled.length > 0) {
          await store.db
            .updateTable('service_notes')
            .set({ review_status: 'cosigned' })
            .where('id', 'in', unbilled)
            .execute();
        }
        const run = await startBillingRun(ctx, billing, { from: '2026-01-01', to });
        await processBillingRun(ctx, billing, run.id);
        for (const noteId of unbilled) {
          expect(await billedOutcome(fixture.id, noteId), `note ${noteId}`).toEqual(expected.get(noteId));
        }
        unbilled = [];
      };
      let lastDate = '';
      for (const date of days) {
        if (lastDate !== '' && rng.chance(0.3)) await compareAfterRun(lastDate);
        lastDate = date;
        clock.set(new Date(`${date}T23:00:00Z`));
        const authors = new Map<string, Actor>();
        for (const service of services.filter((each) => each.date === date)) {
          for (const noteId of await writeDrafts(fixture, service, rng)) {
            authors.set(noteId, service.members[0]?.author ?? fixtureActor(fixture, 'peer'));
          }
        }
        // Signed in the order billing judges them (start time, then id), so each note's earlier notes are
        // signed, and judged, before it.
        const rows = await store.db
          .selectFrom('service_notes')
          .selectAll()
          .where('organisation_id', '=', fixture.id)
          .where('status', '=', 'draft')
          .orderBy('start_time')
          .orderBy('id')
          .execute();
        for (const row of rows) {
          const author = authors.get(row.id);
          if (author === undefined) throw new Error(`no author for ${row.id}`);
          await ctx.db.transaction().execute(async (trx) => {
            // What the peer is shown when signing: the note in hand, judged as signing judges it.
            const judgement = await judgeNoteInHand(trx, fixture.id, noteInHand(row, fieldsOfRow(row), date));
            const outcome = expectedOutcome(decisionOf(judgement));
            if (outcome !== null) expected.set(row.id, outcome);
            await signNoteIn(trx, clock, author, row.id, row.revision);
            // Signing keeps what it judged.
            const signed = await trx
              .selectFrom('service_notes')
              .select(['signed_code', 'signed_units', 'signed_amount_cents'])
              .where('id', '=', row.id)
              .executeTakeFirstOrThrow();
            const line = judgement.kind === 'judged' ? judgement.preview.lines[0] : undefined;
            expect(signed).toEqual({
              signed_code: line?.code ?? null,
              signed_units: line?.units ?? null,
              signed_amount_cents: line?.chargeCents ?? null,
            });
          });
          unbilled.push(row.id);
        }
      }
      await compareAfterRun(lastDate);
      // The scenario exercised what it is about: notes claimed and held, over a limit, on an authorization.
      const outcomes = [...expected.values()];
      expect(outcomes.some((outcome) => 'claimed' in outcome)).toBe(true);
      expect(outcomes.some((outcome) => 'held' in outcome)).toBe(true);
      expect(
        outcomes.some((outcome) => 'claimed' in outcome && outcome.claimed.authorizationId !== null),
      ).toBe(true);
      expect(
        outcomes.some(
          (outcome) => 'held' in outcome && outcome.held.some((problem) => problem.code.includes('limit')),
        ),
      ).toBe(true);
      expect(outcomes.some((outcome) => 'claimed' in outcome && outcome.claimed.groupMinutes > 0)).toBe(true);

      // Every payer's 837, parsed back, charges each line units × the fee schedule's charge for its code and
      // procedure modifiers (the fixture's schedule is the demo's), and never $0.00.
      // (The scenario's members are under the fixture programs' first payers; the demo organisation's test
      // checks the same of every payer it claims.)
      const charged = await exportedCharges(fixture, members);
      expect(charged.size).toBeGreaterThanOrEqual(2);
      for (const payerPack of charged.keys()) exportedPacks.add(payerPack);
      for (const [payerPack, lines] of charged) {
        expect(lines.length, payerPack).toBeGreaterThan(0);
        for (const line of lines) {
          expect(line.chargeCents, `${payerPack} ${line.procedure}`).toBe(
            line.units * demoUnitChargeFor(payerPack, line.procedure),
          );
          expect(line.chargeCents).toBeGreaterThan(0);
        }
      }
    },
  );

  it('read back 837 files of Medi-Cal, Kansas and North Carolina among them, each line at the fee schedule’s charge', () => {
    expect([...exportedPacks].sort()).toEqual(['ca-dhcs', 'ks-pahp', 'nc-wellcare']);
  });
});

/** The payers whose 837 files the scenarios read back. */
const exportedPacks = new Set<PayerPackId>();

/** NPIs given so far: the seeds' organisations share one database, where an NPI is unique. */
let npiCounter = 0;

/** Each payer's claims exported to 837 and read back: every service line's SV101, SV102 in cents and SV104. */
async function exportedCharges(
  fixture: DocumentationFixture,
  members: readonly ScenarioMember[],
): Promise<Map<PayerPackId, ServiceLineRead[]>> {
  const billing = fixtureActor(fixture, 'billing');
  // Each rendering peer an NPI of their own (synthetic: `9`, eight digits, the check digit).
  const profiles = await store.db
    .selectFrom('staff_profiles')
    .select('user_id')
    .where('organisation_id', '=', fixture.id)
    .execute();
  for (const profile of profiles) {
    npiCounter += 1;
    const firstNine = `9${String(npiCounter).padStart(8, '0')}`;
    await store.db
      .updateTable('staff_profiles')
      .set({ npi: firstNine + String(npiCheckDigit(firstNine)) })
      .where('user_id', '=', profile.user_id)
      .execute();
  }
  await store.db
    .updateTable('members')
    .set({ sex: 'F', address_line1: '12 Sample Way', city: 'Oakland', state: 'CA', postal_code: '94612' })
    .where(
      'id',
      'in',
      members.map((member) => member.id),
    )
    .execute();
  const charged = new Map<PayerPackId, ServiceLineRead[]>();
  for (const payerPack of new Set(members.map((member) => member.payerPack))) {
    await savePayerSettings(ctx, billing, testPayerSettings(payerPack));
    const { batches } = await export837Stream(ctx, billing, payerPack);
    for (const batch of batches) {
      const { content } = await batchFile(ctx, billing, batch.id);
      charged.set(payerPack, [...(charged.get(payerPack) ?? []), ...serviceLinesOf837(content)]);
    }
  }
  return charged;
}
