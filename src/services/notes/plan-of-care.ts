/**
 * @module services/notes/plan-of-care
 * What a note says about the member's plan of care, held to the stored plans:
 *
 * - the goals it worked on (`goalsAddressed`) must be goals of the member's plan — any version, so a goal
 *   ticked under an earlier version stays valid after an update;
 * - the version it documents (`planOfCareId`: Los Angeles bills the Plan of Care as the first peer note) must
 *   be one of the member's versions; the claim is then judged on that version — its content as the engine's
 *   `service.planOfCare`, its approval (or none yet) as `member.carePlan` — not on a plan already in effect.
 *
 * A refused reference is a 400 naming the note field (`['fields', …]`, the rule of shared/problem.ts), whichever
 * request carried it.
 */
import type { Kysely } from 'kysely';
import type { NoteFields } from '../../shared/api/notes.js';
import { errorProblem, type Problem } from '../../shared/problem.js';
import type { Database } from '../../store/index.js';
import { ServiceError } from '../errors.js';

/**
 * Refuses goals that are not goals of the member's plan and a plan version that is not the member's.
 *
 * @param db - the transaction
 * @param member - the note's organisation and member
 * @param fields - the fields being saved (absent ones are not checked)
 * @throws ServiceError `invalid` naming each refused goal (`…goalsAddressed.<n>`) and the plan (`…planOfCareId`)
 */
export async function checkPlanReferences(
  db: Kysely<Database>,
  member: { organisationId: string; memberId: string },
  fields: Pick<Partial<NoteFields>, 'goalsAddressed' | 'planOfCareId'>,
): Promise<void> {
  const problems: Problem[] = [];
  const goals = fields.goalsAddressed ?? [];
  if (goals.length > 0) {
    const known = await db
      .selectFrom('care_plan_goals')
      .innerJoin('care_plans', 'care_plans.id', 'care_plan_goals.care_plan_id')
      .select('care_plan_goals.id')
      .where('care_plan_goals.organisation_id', '=', member.organisationId)
      .where('care_plans.member_id', '=', member.memberId)
      .where('care_plan_goals.id', 'in', goals)
      .execute();
    const ids = new Set(known.map((row) => row.id));
    goals.forEach((goal, index) => {
      if (!ids.has(goal)) {
        problems.push(
          errorProblem(
            'note.goal_not_in_plan',
            'This goal is not in the member’s plan of care. Choose the goals from their plan.',
            ['fields', 'goalsAddressed', index],
          ),
        );
      }
    });
  }
  if (fields.planOfCareId !== undefined && fields.planOfCareId !== null) {
    const plan = await db
      .selectFrom('care_plans')
      .select('id')
      .where('organisation_id', '=', member.organisationId)
      .where('member_id', '=', member.memberId)
      .where('id', '=', fields.planOfCareId)
      .executeTakeFirst();
    if (plan === undefined) {
      problems.push(
        errorProblem(
          'note.plan_of_care_unknown',
          'This is not a version of the member’s plan of care. Choose the version written in this session.',
          ['fields', 'planOfCareId'],
        ),
      );
    }
  }
  if (problems.length > 0) throw new ServiceError('invalid', problems);
}
