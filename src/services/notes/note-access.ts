/**
 * @module services/notes/note-access
 * Who may see and change which service note:
 *
 * - reading: admins, billing staff and clinicians see every note of the organisation; a peer sees the notes
 *   they wrote and the notes about members on their caseload; a supervisor sees their team's — notes by the
 *   peers they supervise and about the members they or those peers hold (services/access decides members);
 * - writing a note (create, autosave, sign) is for peers, supervisors and admins — never billing staff — and
 *   only the author changes or signs their own draft (a signature is personal);
 * - an addendum may be added by any note writer who can change the member's record;
 * - co-signing and returning are for the author's assigned supervisor or an admin, never the author.
 *
 * A note out of reach answers "not found", like one of another organisation.
 */
import type { Expression, ExpressionBuilder, Kysely, SelectQueryBuilder, SqlBool, Updateable } from 'kysely';
import type { Role } from '../../shared/roles.js';
import type { Database, ServiceNoteRow, ServiceNotesTable } from '../../store/index.js';
import { isUuid, visibleMembers } from '../access/index.js';
import type { Actor } from '../context.js';
import { forbidden, notFound } from '../errors.js';

/** Roles that write notes. */
export const NOTE_WRITERS = ['peer', 'supervisor', 'admin'] as const satisfies readonly Role[];
/** Roles that review signed notes (a supervisor only their own supervisees'). */
export const NOTE_REVIEWERS = ['supervisor', 'admin'] as const satisfies readonly Role[];
/** Roles that read every note of the organisation. */
const ORGANISATION_WIDE_READERS: readonly Role[] = ['admin', 'billing', 'clinician'];

const holds = (actor: Actor, roles: readonly Role[]): boolean =>
  actor.roles.some((role) => roles.includes(role));

/** The users a supervisor supervises (staff_profiles.supervisor_id), as a subquery. */
export function supervisedBy(
  db: Kysely<Database>,
  actor: Actor,
): SelectQueryBuilder<Database, 'staff_profiles', { user_id: string }> {
  return db
    .selectFrom('staff_profiles')
    .select('staff_profiles.user_id')
    .where('staff_profiles.organisation_id', '=', actor.organisationId)
    .where('staff_profiles.supervisor_id', '=', actor.userId);
}

/**
 * A filter over `service_notes` rows the actor may read; it always includes the organisation.
 *
 * @param db - the database or transaction (for the subqueries)
 * @param actor - the signed-in user
 */
export function visibleNotes(db: Kysely<Database>, actor: Actor) {
  return (eb: ExpressionBuilder<Database, 'service_notes'>): Expression<SqlBool> => {
    const inOrganisation = eb('service_notes.organisation_id', '=', actor.organisationId);
    if (holds(actor, ORGANISATION_WIDE_READERS)) return inOrganisation;
    const reach: Expression<SqlBool>[] = [
      eb('service_notes.author_id', '=', actor.userId),
      eb(
        'service_notes.member_id',
        'in',
        db.selectFrom('members').select('members.id').where(visibleMembers(actor)),
      ),
    ];
    if (actor.roles.includes('supervisor')) {
      reach.push(eb('service_notes.author_id', 'in', supervisedBy(db, actor)));
    }
    return eb.and([inOrganisation, eb.or(reach)]);
  };
}

/**
 * The note, if the actor may read it; otherwise `not_found`. `forUpdate` locks the row for the rest of the
 * transaction, so two tabs saving at once are served one after the other.
 */
export async function noteForActor(
  db: Kysely<Database>,
  actor: Actor,
  noteId: string,
  options: { forUpdate?: boolean } = {},
): Promise<ServiceNoteRow> {
  if (!isUuid(noteId)) throw notFound('note');
  let query = db
    .selectFrom('service_notes')
    .selectAll()
    .where('id', '=', noteId)
    .where(visibleNotes(db, actor));
  if (options.forUpdate === true) query = query.forUpdate();
  const note = await query.executeTakeFirst();
  if (note === undefined) throw notFound('note');
  return note;
}

/**
 * The note of the organisation, locked for the rest of the transaction, whoever the actor is: only for a
 * caller that has decided by its own rules that the actor may change it (a group's writer keeping every
 * attendee's note in step with the session — see `SaveDraftOptions.skipAccessCheck`).
 */
export async function lockedNoteOfOrganisation(
  db: Kysely<Database>,
  organisationId: string,
  noteId: string,
): Promise<ServiceNoteRow> {
  const note = await db
    .selectFrom('service_notes')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('id', '=', noteId)
    .forUpdate()
    .executeTakeFirst();
  if (note === undefined) throw notFound('note');
  return note;
}

/** Throws unless the actor may write notes at all (billing staff and clinicians read only). */
export function requireNoteWriter(actor: Actor): void {
  if (!holds(actor, NOTE_WRITERS)) {
    throw forbidden('Your role can read service notes but not write them.');
  }
}

/** Throws unless the actor wrote the note: only the author changes or signs a draft. */
export function requireAuthor(actor: Actor, note: ServiceNoteRow, doing: string): void {
  requireNoteWriter(actor);
  if (note.author_id !== actor.userId) {
    throw forbidden(
      `Only the note’s author can ${doing}. Add an addendum once it is signed, or ask the author.`,
    );
  }
}

/** Throws unless the actor reviews this author's notes: their assigned supervisor, or an admin. */
export async function requireReviewerOf(
  db: Kysely<Database>,
  actor: Actor,
  note: ServiceNoteRow,
): Promise<void> {
  if (note.author_id === actor.userId) {
    throw forbidden('You cannot review your own note. Another supervisor or an admin reviews it.');
  }
  if (actor.roles.includes('admin')) return;
  if (actor.roles.includes('supervisor')) {
    const supervised = await supervisedBy(db, actor)
      .where('staff_profiles.user_id', '=', note.author_id)
      .executeTakeFirst();
    if (supervised !== undefined) return;
  }
  throw forbidden('Only the author’s supervisor or an admin can review this note.');
}

/** Writes `values` to the note (scoped by its organisation); the database refuses content changes once signed. */
export async function updateNote(
  db: Kysely<Database>,
  note: ServiceNoteRow,
  values: Updateable<ServiceNotesTable>,
): Promise<void> {
  await db
    .updateTable('service_notes')
    .set(values)
    .where('organisation_id', '=', note.organisation_id)
    .where('id', '=', note.id)
    .execute();
}
