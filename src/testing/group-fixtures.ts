/**
 * @module testing/group-fixtures
 * More members for a documentation fixture's program, so a group has several attendees: each on the fixture
 * peer's caseload (unless said otherwise) and covered by the program's payer pack, like the fixture's own.
 */
import type { ServiceContext } from '../services/context.js';
import type { DocumentationFixture, FixtureMember } from './documentation-fixtures.js';

export interface ExtraMemberOptions {
  /** Whose caseload the member is on: the fixture peer unless given (null: nobody's). */
  assignedPeerId?: string | null;
}

/**
 * Inserts members named `firstNames` (family name "Groupmember") in the program of `like`.
 *
 * @returns their ids, in the order of `firstNames`
 */
export async function addProgramMembers(
  ctx: ServiceContext,
  fixture: DocumentationFixture,
  like: FixtureMember,
  firstNames: readonly string[],
  options: ExtraMemberOptions = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const firstName of firstNames) {
    const member = await ctx.db
      .insertInto('members')
      .values({
        organisation_id: fixture.id,
        first_name: firstName,
        last_name: 'Groupmember',
        date_of_birth: '1988-07-01',
        program_id: like.programId,
        assigned_peer_id:
          options.assignedPeerId === undefined ? fixture.users.peer.id : options.assignedPeerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('coverage_periods')
      .values({
        organisation_id: fixture.id,
        member_id: member.id,
        payer_pack: like.payerPack,
        plan_name: 'Fixture Medicaid plan',
        member_number: `ZZGR${member.id.slice(0, 8).toUpperCase()}`,
        starts_on: '2025-01-01',
      })
      .execute();
    ids.push(member.id);
  }
  return ids;
}

/** The fixture's member covered by `payerPack` (one per program). */
export function fixtureMemberWith(
  fixture: DocumentationFixture,
  payerPack: FixtureMember['payerPack'],
): FixtureMember {
  const member = fixture.members.find((candidate) => candidate.payerPack === payerPack);
  if (member === undefined) throw new Error(`the fixture has no member covered by ${payerPack}`);
  return member;
}
