/**
 * @module services/groups/sign
 * Signs every attendee's draft note of a group. Each note is signed through the notes module on its own,
 * so the same rules apply as to any note (author, required fields, credentials, the payer's blocking
 * problems); an attendee whose note is blocked is reported with the reason and the others still sign.
 */
import type { SignGroupResponse, GroupSignOutcome } from '../../shared/api/groups.js';
import { actorEntry, recordAudit } from '../audit/index.js';
import type { Actor, ServiceContext } from '../context.js';
import { invalid, ServiceError } from '../errors.js';
import { signAttendeeNote } from './attendee-notes.js';
import { groupForActor } from './group-access.js';
import { groupOfService } from '../claims/index.js';
import { attendeeNotesOf, facilitatorsOf, groupView } from './group-view.js';

export async function signGroup(
  ctx: ServiceContext,
  actor: Actor,
  groupId: string,
): Promise<SignGroupResponse> {
  const { group, attendees, size } = await ctx.db.transaction().execute(async (trx) => {
    const found = await groupForActor(trx, actor, groupId, 'write');
    const notes = await attendeeNotesOf(trx, found);
    if (notes.length === 0) {
      throw invalid('group.no_attendees', 'Add the members who attended before signing the group.', []);
    }
    const minutes = (await facilitatorsOf(trx, found)).map((facilitator) => facilitator.minutes);
    return {
      group: found,
      attendees: notes,
      size: groupOfService(notes.length, minutes, found.start_time, found.end_time),
    };
  });
  const outcomes: GroupSignOutcome[] = [];
  for (const attendee of attendees) {
    const base = {
      member: { id: attendee.note.member_id, displayName: attendee.memberName },
      noteId: attendee.note.id,
    };
    if (attendee.note.status === 'signed') {
      outcomes.push({ ...base, outcome: 'already_signed', problems: [] });
      continue;
    }
    try {
      await signAttendeeNote(ctx, actor, attendee.note, size);
      outcomes.push({ ...base, outcome: 'signed', problems: [] });
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      outcomes.push({ ...base, outcome: 'blocked', problems: [...error.problems] });
    }
  }
  return ctx.db.transaction().execute(async (trx) => {
    const count = (outcome: GroupSignOutcome['outcome']): number =>
      outcomes.filter((entry) => entry.outcome === outcome).length;
    await recordAudit(
      trx,
      ctx.clock,
      actorEntry(actor, 'group.sign', { type: 'group_session', id: group.id }, 'success', {
        signed: count('signed'),
        blocked: count('blocked'),
        alreadySigned: count('already_signed'),
      }),
    );
    return { group: await groupView(trx, ctx.clock, actor, group, { audit: false }), outcomes };
  });
}
