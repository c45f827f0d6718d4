/**
 * @module shared/api/notes
 * Service notes (PIN: Plan, Interaction, Next steps): drafts that save themselves, the live claim preview,
 * signing, addenda, supervisor review and the overdue list. A draft may be incomplete; signing checks that
 * everything a signed record needs is there. The note's fields map one-to-one onto the claim preview's
 * `service` (see shared/api/claims.ts), which is how the form shows what the payer rules decide.
 *
 * Routes (each answers 4xx as `{ problems }` with field paths):
 *
 * | Method and path                | Request             | Response                      | Who                        |
 * | ------------------------------ | ------------------- | ----------------------------- | -------------------------- |
 * | POST /api/v1/notes             | CreateNoteRequest   | 201 NoteResponse              | peer, supervisor, admin    |
 * | GET /api/v1/notes              | ?NoteListQuery      | NoteListResponse              | any role, scoped           |
 * | GET /api/v1/notes/overdue      | ?OverdueNotesQuery  | OverdueNotesResponse          | any role, scoped           |
 * | GET /api/v1/notes/:id          |                     | NoteResponse                  | any role, scoped           |
 * | PUT /api/v1/notes/:id/draft    | SaveDraftRequest    | NoteResponse (409 when stale) | the author                 |
 * | POST /api/v1/notes/:id/preview | PreviewDraftRequest | ClaimPreview (saves nothing)  | any role, scoped           |
 * | POST /api/v1/notes/:id/sign    | SignNoteRequest     | NoteResponse                  | the author                 |
 * | POST /api/v1/notes/:id/addenda | AddendumRequest     | 201 NoteResponse              | peer, supervisor, admin    |
 * | POST /api/v1/notes/:id/cosign  | {}                  | NoteResponse                  | author's supervisor, admin |
 * | POST /api/v1/notes/:id/return  | ReturnNoteRequest   | NoteResponse                  | author's supervisor, admin |
 * | GET /api/v1/reviews            |                     | NoteListResponse              | supervisor, admin          |
 *
 * Field paths (the rule of shared/problem.ts): every problem about a note field names it `['fields', <field>, …]`
 * — a value the request schema refuses, a goal or plan version that is not the member's, what signing still
 * needs, a payer rule about the claim — whichever route it comes from and wherever the request's body holds
 * the field: under `fields` (save, preview), at the body's top (create), or not at all (sign, whose body holds
 * only the revision). The routes name their body's note fields by `noteRequestPath`; anything else in a
 * request is `['body', …]` (`['body', 'revision']`, `['body', 'memberId']`). A note with no claim to show yet
 * has `preview: null`; `POST …/preview` then answers 400 naming `fields.start` / `fields.end` (times not
 * entered) or `fields.dateOfService` (no coverage this program bills on that date).
 */
import { z } from 'zod';
import { ProblemSchema, type Problem } from '../problem.js';
import { ConsentKindSchema, NoteStatusSchema, ReviewStatusSchema } from '../documentation.js';
import { PayerPackIdSchema } from '../programs.js';
import { ACTIVITIES, ClaimPreviewSchema, MEMBER_LOCATIONS, MODALITIES, SERVICE_TYPES } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';
import { PayerSchema } from './organisation.js';

const ClockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'Use a 24-hour time in the form HH:MM, e.g. 09:30.' });
const LongTextSchema = z.string().max(10000, { message: 'Use at most 10,000 characters.' });

/**
 * The editable content of a note. Every field is optional in a draft save (only the fields sent change);
 * signing requires the ones a record needs (times, PIN, where the member was for telehealth …).
 */
export const NoteFieldsSchema = z.object({
  serviceType: z.enum(SERVICE_TYPES),
  activity: z.enum(ACTIVITIES),
  recipient: z.enum(['member', 'family_without_member']),
  /** How a service to family / support persons without the member relates to the member's treatment. */
  familyRelationToTreatment: z.string().max(2000).nullable(),
  dateOfService: CalendarDateSchema,
  start: ClockTimeSchema.nullable(),
  end: ClockTimeSchema.nullable(),
  /** Stretches when the peer was not with the member (excluded from billed minutes). */
  gaps: z.array(z.object({ start: ClockTimeSchema, end: ClockTimeSchema })).max(20),
  modality: z.enum(MODALITIES),
  /** Where the member was during a telehealth service. */
  memberLocation: z.enum(MEMBER_LOCATIONS).nullable(),
  /** CMS place-of-service code; null lets the payer pack derive it (telehealth). */
  placeOfService: z
    .string()
    .regex(/^\d{2}$/, {
      message: 'Use a two-digit CMS place-of-service code, e.g. 11 (office) or 12 (home).',
    })
    .nullable(),
  /** Audio-only: the member's identity was verified with two identifiers. */
  identityVerified: z.boolean(),
  modifiers: z
    .array(z.string().regex(/^[A-Z0-9]{2}$/, { message: 'A modifier is two letters or digits.' }))
    .max(4),
  /** Ids of the plan-of-care goals this service worked on: goals of the member's plan (any version). */
  goalsAddressed: z.array(IdSchema).max(20),
  /**
   * The author's statement that the activity is part of the member's plan of care (North Carolina and
   * Kansas bill only such services). A new note starts with false: it is said, never assumed.
   */
  interventionInPlan: z.boolean(),
  /**
   * The version of the member's plan of care this session wrote with the member, or null. Los Angeles bills
   * the Plan of Care as a peer note of its own: the claim is then judged on that version's content and
   * approval rather than on a plan already in effect.
   */
  planOfCareId: IdSchema.nullable(),
  familyCoordinationDocumented: z.boolean(),
  pin: z.object({ plan: LongTextSchema, interaction: LongTextSchema, nextSteps: LongTextSchema }),
  /** The member's own response (group notes: each attendee's, beside the shared Interaction). */
  memberResponse: LongTextSchema,
  /** Why the note is signed after its due date. */
  lateReason: z.string().max(2000).nullable(),
  /** Under-21 EPSDT medical-necessity justification for going over a limit (North Carolina). */
  epsdtJustification: z.string().max(2000).nullable(),
  /**
   * Why the member's consent to a telephone service could not be obtained, "in extenuating circumstances"
   * (North Carolina §V.G): it lets such a service be billed with a warning instead of the consent error.
   */
  consentCircumstances: z.string().max(2000).nullable(),
});
export type NoteFields = z.infer<typeof NoteFieldsSchema>;

const NOTE_FIELD_NAMES: ReadonlySet<string> = new Set(Object.keys(NoteFieldsSchema.shape));

/** True when `name` is the name of a note field. */
export function isNoteFieldName(name: unknown): name is keyof NoteFields {
  return typeof name === 'string' && NOTE_FIELD_NAMES.has(name);
}

/**
 * The note field a problem is about, as segments after `fields` (`['pin', 'plan']`, `['gaps', 0, 'start']`), or
 * null when it is not about a note field (the member's record, the staff member, a request field such as
 * `['body', 'revision']`).
 *
 * @example noteFieldPath(['fields', 'pin', 'plan']) // ['pin', 'plan']
 * @example noteFieldPath(['body', 'revision']) // null
 */
export function noteFieldPath(path: Problem['path']): Problem['path'] | null {
  const [scope, field, ...rest] = path;
  return scope === 'fields' && isNoteFieldName(field) ? [field, ...rest] : null;
}

/**
 * How a request that carries note fields names a place in its body in a problem (see the module comment):
 * a note field is `['fields', <field>, …]` wherever the body holds it, anything else `['body', …]`.
 *
 * @param at - where the body holds the note fields: `['fields']` (save, preview) or `[]` (create)
 * @example noteRequestPath(['fields'])(['fields', 'end']) // ['fields', 'end']
 * @example noteRequestPath([])(['serviceType']) // ['fields', 'serviceType']
 * @example noteRequestPath([])(['memberId']) // ['body', 'memberId']
 */
export function noteRequestPath(at: readonly string[]): (bodyPath: Problem['path']) => Problem['path'] {
  return (bodyPath) => {
    const inside = at.every((segment, index) => bodyPath[index] === segment);
    const [field, ...rest] = bodyPath.slice(at.length);
    return inside && isNoteFieldName(field) ? ['fields', field, ...rest] : ['body', ...bodyPath];
  };
}

export const CreateNoteRequestSchema = NoteFieldsSchema.partial().extend({
  memberId: IdSchema,
  /** Defaults to the member's program. */
  programId: IdSchema.optional(),
  serviceType: z.enum(SERVICE_TYPES),
  dateOfService: CalendarDateSchema,
});
export type CreateNoteRequest = z.infer<typeof CreateNoteRequestSchema>;

/** An autosave: the fields that changed since `revision`, which must still be the note's revision. */
export const SaveDraftRequestSchema = z.object({
  revision: z.number().int().min(1),
  fields: NoteFieldsSchema.partial(),
});
export type SaveDraftRequest = z.infer<typeof SaveDraftRequestSchema>;

/** A preview of unsaved fields, for the live preview between autosaves. */
export const PreviewDraftRequestSchema = z.object({ fields: NoteFieldsSchema.partial() });
export type PreviewDraftRequest = z.infer<typeof PreviewDraftRequestSchema>;

export const SignNoteRequestSchema = z.object({
  /** The revision the signer saw; signing a newer revision than you read is refused. */
  revision: z.number().int().min(1),
});
export type SignNoteRequest = z.infer<typeof SignNoteRequestSchema>;

export const AddendumRequestSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, { message: 'Say why the addendum is needed, e.g. “corrected the end time”.' })
    .max(500),
  text: z.string().trim().min(1, { message: 'Write the addendum.' }).max(10000),
});
export type AddendumRequest = z.infer<typeof AddendumRequestSchema>;

export const ReturnNoteRequestSchema = z.object({
  comment: z
    .string()
    .trim()
    .min(1, { message: 'Tell the author what to fix.' })
    .max(2000, { message: 'Use at most 2,000 characters.' }),
});
export type ReturnNoteRequest = z.infer<typeof ReturnNoteRequestSchema>;

export const PersonRefSchema = z.object({ id: IdSchema, displayName: z.string() });

export const AddendumSchema = z.object({
  id: IdSchema,
  author: PersonRefSchema,
  createdAt: TimestampSchema,
  reason: z.string(),
  text: z.string(),
});

export const NoteReviewSchema = z.object({
  id: IdSchema,
  reviewer: PersonRefSchema,
  action: z.enum(['cosigned', 'returned']),
  comment: z.string().nullable(),
  createdAt: TimestampSchema,
});

/** A note as lists show it. */
export const NoteSummarySchema = z.object({
  id: IdSchema,
  member: z.object({ id: IdSchema, displayName: z.string() }),
  programId: IdSchema,
  author: PersonRefSchema,
  groupSessionId: IdSchema.nullable(),
  status: NoteStatusSchema,
  reviewStatus: ReviewStatusSchema,
  serviceType: z.enum(SERVICE_TYPES),
  dateOfService: CalendarDateSchema,
  dueOn: CalendarDateSchema,
  /** Business days past the due date on the reference day (0 when not overdue). */
  businessDaysOverdue: z.number().int().min(0),
  signedAt: TimestampSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type NoteSummary = z.infer<typeof NoteSummarySchema>;

export const NoteSchema = NoteSummarySchema.extend({
  revision: z.number().int().min(1),
  fields: NoteFieldsSchema,
  payerPack: PayerPackIdSchema.nullable(),
  /**
   * Signing it today (the program's date), or when it was signed, is after the due date its payer sets, so
   * signing asks why it is late. False where the payer sets no deadline (North Carolina, Kansas).
   */
  lateReasonNeeded: z.boolean(),
  signedBy: PersonRefSchema.nullable(),
  addenda: z.array(AddendumSchema),
  reviews: z.array(NoteReviewSchema),
});
export type Note = z.infer<typeof NoteSchema>;

/**
 * What the note form needs to know to show the right fields, from the server (which has the payer packs and
 * the member's record), for the note as it stands: it follows the date of service and how the peer met.
 */
export const NoteFormSchema = z.object({
  programName: z.string(),
  /** The payer the note is judged under on its date of service: the member's coverage the program bills. */
  payer: PayerSchema.nullable(),
  /** Modifiers the author may add under that payer, in its order; the payer rules add the others themselves. */
  modifiers: z.array(z.string()),
  /** The payer bills a note that documents the Plan of Care (Los Angeles), so the form asks whether this one does. */
  asksPlanOfCareNote: z.boolean(),
  /**
   * The consent how the peer met calls for (telehealth, audio-only) and when the one in force on the date of
   * service was given (null: none on file); null for an in-person service. `payerRequires`: the payer's rules
   * check it, so a missing consent holds the claim.
   */
  consent: z
    .object({ kind: ConsentKindSchema, givenOn: CalendarDateSchema.nullable(), payerRequires: z.boolean() })
    .nullable(),
});
export type NoteForm = z.infer<typeof NoteFormSchema>;

/**
 * A note with what the rules engine says about it now, and the documentation helpers' findings (missing
 * PIN parts, recovery-language suggestions) — all in the one problem shape.
 */
export const NoteResponseSchema = z.object({
  note: NoteSchema,
  preview: ClaimPreviewSchema.nullable(),
  /** Problems that are not the payer's: fields signing needs, recovery-language suggestions. */
  documentationProblems: z.array(ProblemSchema),
  form: NoteFormSchema,
});
export type NoteResponse = z.infer<typeof NoteResponseSchema>;

/**
 * An autosave's answer: the note's new revision and what signing it still needs. It carries no claim preview:
 * the form asks `POST …/preview` for that while the peer types, so a save never judges the claim.
 */
export const SaveDraftResponseSchema = z.object({
  revision: z.number().int().min(1),
  updatedAt: TimestampSchema,
  /** The fields as stored (the server trims text, say). */
  fields: NoteFieldsSchema,
  /** The due date, which follows the date of service. */
  dueOn: CalendarDateSchema,
  lateReasonNeeded: z.boolean(),
  /** Problems that are not the payer's: fields signing needs, recovery-language suggestions. */
  documentationProblems: z.array(ProblemSchema),
  /** What the form shows, which may change with the date of service or how the peer met. */
  form: NoteFormSchema,
});
export type SaveDraftResponse = z.infer<typeof SaveDraftResponseSchema>;

export const NoteListQuerySchema = z.object({
  memberId: IdSchema.optional(),
  authorId: IdSchema.optional(),
  programId: IdSchema.optional(),
  status: NoteStatusSchema.optional(),
  reviewStatus: ReviewStatusSchema.optional(),
  /** Only notes past their due date and not signed. */
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type NoteListQuery = z.infer<typeof NoteListQuerySchema>;

export const NoteListResponseSchema = z.object({ notes: z.array(NoteSummarySchema) });
export type NoteListResponse = z.infer<typeof NoteListResponseSchema>;

export const OverdueNotesQuerySchema = z.object({
  programId: IdSchema.optional(),
  authorId: IdSchema.optional(),
});
export type OverdueNotesQuery = z.infer<typeof OverdueNotesQuerySchema>;

/** How many notes are overdue in one group (a peer, a program), and the longest wait among them. */
const OverdueTallySchema = z.object({
  count: z.number().int().min(1),
  maxBusinessDaysOverdue: z.number().int().min(0),
});

/**
 * Unsigned notes past their due date, oldest due first, with the same notes tallied per author and per
 * program. "Today" is the reference day in each program's time zone.
 */
export const OverdueNotesResponseSchema = z.object({
  notes: z.array(NoteSummarySchema),
  byAuthor: z.array(OverdueTallySchema.extend({ author: PersonRefSchema })),
  byProgram: z.array(OverdueTallySchema.extend({ program: z.object({ id: IdSchema, name: z.string() }) })),
});
export type OverdueNotesResponse = z.infer<typeof OverdueNotesResponseSchema>;
