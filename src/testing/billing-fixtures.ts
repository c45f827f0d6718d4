/**
 * @module testing/billing-fixtures
 * Signed notes and approved plans of care written straight into the database, for the billing suites: a
 * billing run reads what signing stored, so its tests need many signed notes without driving the note form.
 */
import type { Kysely } from 'kysely';
import { X12Parser } from 'node-x12';
import { demoFeesFor } from '../services/demo-data/demo-fees.js';
import type { PayerSettings } from '../shared/api/billing.js';
import type { CertificationType } from '../shared/api/claims.js';
import type { ReviewStatus } from '../shared/documentation.js';
import type { PayerPackId } from '../shared/programs.js';
import type { Database } from '../store/index.js';
import type { DocumentationFixture, FixtureMember } from './documentation-fixtures.js';

export interface SignedNoteOptions {
  date: string;
  start?: string;
  end?: string;
  serviceType?: 'engagement' | 'therapeutic_activity' | 'skill_building_group' | 'contingency_management';
  placeOfService?: string;
  reviewStatus?: ReviewStatus;
  authorId?: string;
  /** The group session the note belongs to (one note per attendee). */
  groupSessionId?: string;
  /** What signing captured (the live preview's history reads it); none when omitted. */
  signed?: { code: string; units: number };
  /** The plan-of-care version the note documents (Los Angeles' Plan of Care note); none when omitted. */
  planOfCareId?: string;
}

/** Inserts a complete, signed individual note for `member` by the fixture peer (or `authorId`). */
export async function insertSignedNote(
  db: Kysely<Database>,
  fixture: DocumentationFixture,
  member: FixtureMember,
  options: SignedNoteOptions,
): Promise<string> {
  const authorId = options.authorId ?? fixture.users.peer.id;
  const row = await db
    .insertInto('service_notes')
    .values({
      organisation_id: fixture.id,
      member_id: member.id,
      program_id: member.programId,
      author_id: authorId,
      status: 'signed',
      service_type: options.serviceType ?? 'engagement',
      date_of_service: options.date,
      start_time: options.start ?? '10:00',
      end_time: options.end ?? '10:30',
      gaps: '[]',
      modality: 'in_person',
      place_of_service: options.placeOfService ?? '11',
      pin_plan: 'Practise the budgeting steps agreed last week.',
      pin_interaction: 'Went through the month’s bills together; the member led the second half.',
      member_response: 'Said it felt manageable for the first time.',
      pin_next_steps: 'Meet next week to review the bank appointment.',
      due_on: options.date,
      signed_at: new Date(`${options.date}T20:00:00Z`),
      signed_by: authorId,
      review_status: options.reviewStatus ?? 'not_required',
      intervention_in_plan: true,
      group_session_id: options.groupSessionId ?? null,
      plan_of_care_id: options.planOfCareId ?? null,
      signed_code: options.signed?.code ?? null,
      signed_units: options.signed?.units ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * The fixture's member of the Los Angeles program, covered by SAPC (`ca-la-sapc`) from 2025 so that pack, not
 * statewide Medi-Cal, judges their notes.
 */
export async function coveredLosAngelesMember(
  db: Kysely<Database>,
  fixture: DocumentationFixture,
): Promise<FixtureMember> {
  const la = fixture.members.find((each) =>
    fixture.programs.some(
      (program) => program.id === each.programId && program.payerPacks.includes('ca-la-sapc'),
    ),
  );
  if (la === undefined) throw new Error('the fixture has no Los Angeles member');
  await db
    .insertInto('coverage_periods')
    .values({
      organisation_id: fixture.id,
      member_id: la.id,
      payer_pack: 'ca-la-sapc',
      plan_name: 'Fixture SAPC',
      member_number: `${la.medicaidId}LA`,
      starts_on: '2025-01-01',
    })
    .execute();
  return la;
}

/** Approves a plan of care for `member`, in effect from `from` (Medi-Cal bills only under one). */
export async function insertApprovedPlan(
  db: Kysely<Database>,
  fixture: DocumentationFixture,
  member: FixtureMember,
  from: string,
): Promise<void> {
  await db
    .insertInto('care_plans')
    .values({
      organisation_id: fixture.id,
      member_id: member.id,
      version: 1,
      kind: 'new',
      status: 'approved',
      author_id: fixture.users.peer.id,
      effective_from: from,
      approved_by: fixture.users.clinician.id,
      approver_role: 'behavioral_health_professional',
      approved_at: new Date(`${from}T17:00:00Z`),
      // WellCare of North Carolina §I.D: the plan names the needs it addresses (other payers ask nothing of it).
      need_areas: ['symptom_management', 'self_advocacy'],
    })
    .execute();
}

/** A staff member certified in another state: a user with the role, and a complete profile. */
export async function insertCertifiedPeer(
  db: Kysely<Database>,
  fixture: DocumentationFixture,
  certification: CertificationType,
  label: string,
): Promise<string> {
  const user = await db
    .insertInto('users')
    .values({
      organisation_id: fixture.id,
      email: `${label}.${fixture.id}@fixtures.peerline.test`,
      display_name: `Peer ${label}`,
      password_hash: 'not-a-login',
      roles: ['peer'],
      updated_at: new Date('2026-01-01T00:00:00Z'),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('staff_profiles')
    .values({
      user_id: user.id,
      organisation_id: fixture.id,
      certification_type: certification,
      certification_number: `FX-${label}`.toUpperCase(),
      certification_issued_on: '2024-01-01',
      certification_expires_on: '2028-12-31',
      date_of_birth: '1985-05-05',
      taxonomy: '175T00000X',
      high_school_diploma: true,
      lived_experience: true,
      background_check_on: '2024-01-02',
      supervisor_id: fixture.users.supervisor.id,
    })
    .execute();
  return user.id;
}

/** A payer's 837 settings as the export suites save them (test usage). */
export function testPayerSettings(payerPack: PayerPackId): PayerSettings {
  return {
    payerPack,
    payerName: 'Medi-Cal Test Payer',
    payerId: 'MCTEST',
    receiverName: 'Test Clearinghouse',
    receiverId: 'RECEIVER01',
    submitterName: 'Peerline Test Agency',
    submitterId: 'SUBMIT01',
    contactName: 'Billing Desk',
    contactPhone: '5105550142',
    usageIndicator: 'T',
  };
}

/** What an 837 needs beyond what billing needs: the fixture peer's NPI and the members' sex and address. */
export async function complete837Records(
  db: Kysely<Database>,
  fixture: DocumentationFixture,
  memberIds: readonly string[],
): Promise<void> {
  await db
    .updateTable('staff_profiles')
    .set({ npi: '9876543213' })
    .where('user_id', '=', fixture.users.peer.id)
    .execute();
  await db
    .updateTable('members')
    .set({ sex: 'F', address_line1: '12 Sample Way', city: 'Oakland', state: 'CA', postal_code: '94612' })
    .where('id', 'in', [...memberIds])
    .execute();
}

/** A service line of an 837 as read back: its SV101 (`HC:code:modifiers…`), SV102 in cents and SV104. */
export interface ServiceLineRead {
  procedure: string;
  chargeCents: number;
  units: number;
}

/** Every service line (`SV1`) of an 837 file, read back with node-x12. */
export function serviceLinesOf837(content: string): ServiceLineRead[] {
  const interchange = new X12Parser(true).parse(content);
  if (Array.isArray(interchange)) throw new Error('one interchange expected');
  return interchange.functionalGroups.flatMap((group) =>
    group.transactions.flatMap((transaction) =>
      transaction.segments
        .filter((segment) => segment.tag === 'SV1')
        .map((segment) => {
          const [procedure, charge, , units] = segment.elements.map((element) => element.value);
          return {
            procedure: procedure ?? '',
            chargeCents: Math.round(Number(charge) * 100),
            units: Number(units),
          };
        }),
    ),
  );
}

/**
 * The demo's (and the test fixtures') charge for one unit of an 837 line: the fee whose code is the line's and
 * whose modifiers the line carries, the most specific first (a group's HQ fee before the individual one).
 */
export function demoUnitChargeFor(payerPack: PayerPackId, procedure: string): number {
  const [, code, ...modifiers] = procedure.split(':');
  const fee = demoFeesFor(payerPack)
    .filter((each) => each.code === code && each.modifiers.every((modifier) => modifiers.includes(modifier)))
    .sort((a, b) => b.modifiers.length - a.modifiers.length)[0];
  if (fee === undefined) throw new Error(`no demo fee for ${payerPack} ${procedure}`);
  return fee.unitChargeCents;
}
