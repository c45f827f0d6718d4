/**
 * @module testing/documentation-fixtures
 * A fixture organisation ready for documentation work: the peer holds a current Medi-Cal certification and
 * is supervised by the fixture supervisor, and each program has one member on the peer's caseload, covered
 * by the program's first payer pack, with a diagnosis. Rows are written directly so tests of one area
 * (plans, notes, groups) do not depend on another area's use cases.
 */
import type { PayerPackId } from '../shared/programs.js';
import type { ServiceContext } from '../services/context.js';
import { createFixtureOrganisation, type FixtureOrganisation } from './fixtures.js';

export interface FixtureMember {
  id: string;
  programId: string;
  payerPack: PayerPackId;
  medicaidId: string;
}

export interface DocumentationFixture extends FixtureOrganisation {
  /** One member per program, in program order (the demo template's jurisdictions). */
  members: FixtureMember[];
  programs: { id: string; payerPacks: PayerPackId[] }[];
}

let memberCounter = 0;

export async function createDocumentationFixture(
  ctx: ServiceContext,
  label = 'doc',
): Promise<DocumentationFixture> {
  const organisation = await createFixtureOrganisation(ctx, label);
  return ctx.db.transaction().execute(async (trx) => {
    const programs = await trx
      .selectFrom('programs')
      .select(['id', 'payer_packs'])
      .where('organisation_id', '=', organisation.id)
      .orderBy('created_at')
      .orderBy('name')
      .execute();
    for (const role of ['peer', 'supervisor'] as const) {
      await trx
        .insertInto('staff_profiles')
        .values({
          user_id: organisation.users[role].id,
          organisation_id: organisation.id,
          certification_type: 'medi_cal_peer',
          certification_number: `FX${role.toUpperCase()}1`,
          certification_issued_on: '2024-01-01',
          certification_expires_on: '2028-12-31',
          date_of_birth: '1985-05-05',
          taxonomy: '175T00000X',
          high_school_diploma: true,
          lived_experience: true,
          background_check_on: '2024-01-02',
          supervisor_id: role === 'peer' ? organisation.users.supervisor.id : null,
          supervising_since: role === 'supervisor' ? '2024-02-01' : null,
          supervisor_training_on: role === 'supervisor' ? '2024-02-20' : null,
        })
        .execute();
    }
    const members: FixtureMember[] = [];
    for (const program of programs) {
      memberCounter += 1;
      const payerPack = program.payer_packs[0] ?? 'ca-dhcs';
      const medicaidId = `ZZFX${String(memberCounter).padStart(6, '0')}${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
      const member = await trx
        .insertInto('members')
        .values({
          organisation_id: organisation.id,
          first_name: 'Fixture',
          last_name: `Member ${memberCounter}`,
          date_of_birth: '1990-03-14',
          medicaid_id: medicaidId,
          program_id: program.id,
          assigned_peer_id: organisation.users.peer.id,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('coverage_periods')
        .values({
          organisation_id: organisation.id,
          member_id: member.id,
          payer_pack: payerPack,
          plan_name: 'Fixture Medicaid plan',
          member_number: medicaidId,
          starts_on: '2025-01-01',
        })
        .execute();
      await trx
        .insertInto('diagnoses')
        .values({
          organisation_id: organisation.id,
          member_id: member.id,
          code: 'F33.1',
          description: 'Major depressive disorder, recurrent, moderate',
          category: 'mental_health',
          recorded_on: '2025-01-01',
        })
        .execute();
      if (payerPack === 'ks-pahp') {
        // Kansas pays only for members found to meet both eligibility criteria (003 Eligibility Criteria).
        for (const criterion of ['functional_assessment', 'medical_necessity'] as const) {
          await trx
            .insertInto('eligibility_determinations')
            .values({
              organisation_id: organisation.id,
              member_id: member.id,
              criterion,
              determined_on: '2025-01-01',
              determined_by: 'Fixture Clinician, LMHP',
              recorded_by: organisation.users.peer.id,
            })
            .execute();
        }
      }
      members.push({ id: member.id, programId: program.id, payerPack, medicaidId });
    }
    return {
      ...organisation,
      members,
      programs: programs.map((program) => ({ id: program.id, payerPacks: program.payer_packs })),
    };
  });
}
