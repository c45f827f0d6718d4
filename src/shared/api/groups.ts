/**
 * @module shared/api/groups
 * Group sessions: one session (topic, facilitators with their role and minutes, date, times, modality,
 * place) and one service note per attendee. The attendees' notes share the session's Interaction; each has
 * the attendee's own response and next steps, and each is judged by the payer rules on its own, with the
 * group's size (attendees per facilitator FTE) — which is how the group page shows every attendee's claim.
 *
 * Field schemas are the service note's own (shared/api/notes.ts), so a value a note refuses is refused here
 * in the same words.
 */
import { z } from 'zod';
import { FacilitatorRoleSchema, NoteStatusSchema } from '../documentation.js';
import { ProblemSchema, type Problem } from '../problem.js';
import type { Role } from '../roles.js';
import { ClaimPreviewSchema } from './claims.js';
import { CalendarDateSchema, IdSchema, TimestampSchema } from './common.js';
import { NoteFieldsSchema, PersonRefSchema } from './notes.js';

const NOTE_FIELDS = NoteFieldsSchema.shape;

/**
 * Roles that document groups (the roles that write notes: each attendee's note is one). Billing staff and
 * clinicians read groups within their reach but do not change them.
 */
export const GROUP_WRITER_ROLES = ['peer', 'supervisor', 'admin'] as const satisfies readonly Role[];

/** Most people that can facilitate one group, and attend one. */
export const MAX_GROUP_FACILITATORS = 10;
export const MAX_GROUP_ATTENDEES = 60;

export const GroupFacilitatorInputSchema = z.object({
  userId: IdSchema,
  role: FacilitatorRoleSchema,
  /** Minutes this facilitator was present; with the session's length they give the facilitator FTE. */
  minutes: z
    .number({ message: 'Enter the minutes this facilitator was present, e.g. 60.' })
    .int({ message: 'Enter whole minutes.' })
    .min(1, { message: 'Enter at least 1 minute.' })
    .max(1440, { message: 'A day has at most 1,440 minutes.' }),
});
export type GroupFacilitatorInput = z.infer<typeof GroupFacilitatorInputSchema>;

/** One lead, each person once. */
export const GroupFacilitatorsSchema = z
  .array(GroupFacilitatorInputSchema)
  .min(1, { message: 'Add the facilitator who led the group.' })
  .max(MAX_GROUP_FACILITATORS, { message: `A group has at most ${MAX_GROUP_FACILITATORS} facilitators.` })
  .superRefine((facilitators, context) => {
    const seen = new Set<string>();
    facilitators.forEach((facilitator, index) => {
      if (seen.has(facilitator.userId)) {
        context.addIssue({
          code: 'custom',
          message: 'This person is already a facilitator of the group; list each person once.',
          path: [index, 'userId'],
        });
      }
      seen.add(facilitator.userId);
    });
    const leads = facilitators.filter((facilitator) => facilitator.role === 'lead').length;
    if (facilitators.length > 0 && leads !== 1) {
      context.addIssue({
        code: 'custom',
        message:
          leads === 0
            ? 'Mark one facilitator as the lead: they sign the attendees’ notes.'
            : 'Only one facilitator can be the lead; make the others co-facilitators.',
        path: [],
      });
    }
  });

/** Member ids, each once. */
export const AttendeeIdsSchema = z
  .array(IdSchema)
  .max(MAX_GROUP_ATTENDEES, { message: `A group has at most ${MAX_GROUP_ATTENDEES} attendees.` })
  .refine((ids) => new Set(ids).size === ids.length, { message: 'List each member once.' });

/** What the session holds for every attendee's note. */
export const GroupSessionFieldsSchema = z.object({
  topic: z
    .string()
    .trim()
    .min(1, { message: 'Name the group’s topic, e.g. “Budgeting for the month”.' })
    .max(200, { message: 'Use at most 200 characters.' }),
  dateOfService: CalendarDateSchema,
  start: NOTE_FIELDS.start,
  end: NOTE_FIELDS.end,
  modality: NOTE_FIELDS.modality,
  memberLocation: NOTE_FIELDS.memberLocation,
  placeOfService: NOTE_FIELDS.placeOfService,
  /** The Interaction of PIN, the same in every attendee's note. */
  interaction: NOTE_FIELDS.pin.shape.interaction,
  facilitators: GroupFacilitatorsSchema,
});
export type GroupSessionFields = z.infer<typeof GroupSessionFieldsSchema>;

export const CreateGroupSessionRequestSchema = GroupSessionFieldsSchema.extend({
  programId: IdSchema,
  start: NOTE_FIELDS.start.default(null),
  end: NOTE_FIELDS.end.default(null),
  memberLocation: NOTE_FIELDS.memberLocation.default(null),
  placeOfService: NOTE_FIELDS.placeOfService.default(null),
  interaction: NOTE_FIELDS.pin.shape.interaction.default(''),
  /** Members attending; more can be added while the notes are drafts. */
  memberIds: AttendeeIdsSchema.default([]),
});
export type CreateGroupSessionRequest = z.infer<typeof CreateGroupSessionRequestSchema>;

/** Changes the session; only the fields sent change. Refused once any attendee's note is signed. */
export const UpdateGroupSessionRequestSchema = GroupSessionFieldsSchema.partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'Send at least one field to change.' });
export type UpdateGroupSessionRequest = z.infer<typeof UpdateGroupSessionRequestSchema>;

export const AddAttendeesRequestSchema = z.object({
  memberIds: AttendeeIdsSchema.refine((ids) => ids.length > 0, { message: 'Choose at least one member.' }),
});
export type AddAttendeesRequest = z.infer<typeof AddAttendeesRequestSchema>;

/**
 * The note fields that are each attendee's own, not the session's: everything signing or the payer's rules
 * may need of one attendee (why the note is late, identity verified on an audio-only group, family
 * coordination for a minor, a family group without the member, the plan goals worked on …).
 */
export const ATTENDEE_NOTE_FIELDS = [
  'memberResponse',
  'recipient',
  'familyRelationToTreatment',
  'identityVerified',
  'familyCoordinationDocumented',
  'interventionInPlan',
  'goalsAddressed',
  'lateReason',
  'epsdtJustification',
] as const satisfies readonly (keyof typeof NOTE_FIELDS)[];
export type AttendeeNoteField = (typeof ATTENDEE_NOTE_FIELDS)[number];

const AttendeeNoteFieldsSchema = NoteFieldsSchema.pick({
  memberResponse: true,
  recipient: true,
  familyRelationToTreatment: true,
  identityVerified: true,
  familyCoordinationDocumented: true,
  interventionInPlan: true,
  goalsAddressed: true,
  lateReason: true,
  epsdtJustification: true,
} satisfies Record<AttendeeNoteField, true>);
export type AttendeeNoteFields = z.infer<typeof AttendeeNoteFieldsSchema>;

/** An attendee's own parts of their note, and their next steps; only the fields sent change. */
export const SaveAttendeeRequestSchema = AttendeeNoteFieldsSchema.partial()
  .extend({
    /** The note revision the writer saw; a newer one means someone else saved meanwhile. */
    revision: z.number().int().min(1),
    nextSteps: NOTE_FIELDS.pin.shape.nextSteps.optional(),
  })
  .strict();
export type SaveAttendeeRequest = z.infer<typeof SaveAttendeeRequestSchema>;

/**
 * How the attendee save names a place in its body in a problem, by the rule of shared/problem.ts: the
 * attendee's note fields are `['fields', <field>, …]`, and `nextSteps` is the note's `['fields', 'pin',
 * 'nextSteps']`; anything else (`revision`) is `['body', …]`.
 */
export function attendeeRequestPath(bodyPath: Problem['path']): Problem['path'] {
  const [field, ...rest] = bodyPath;
  if (field === 'nextSteps') return ['fields', 'pin', 'nextSteps', ...rest];
  return ATTENDEE_NOTE_FIELDS.some((name) => name === field)
    ? ['fields', ...bodyPath]
    : ['body', ...bodyPath];
}

export const GroupParamsSchema = z.object({ groupId: IdSchema });
export const GroupAttendeeParamsSchema = z.object({ groupId: IdSchema, memberId: IdSchema });

/**
 * Where the session is: nothing signed yet, some attendees' notes signed, or every one (a session with
 * no attendee is a draft).
 */
export const GROUP_STATUSES = ['draft', 'partly_signed', 'signed'] as const;
export const GroupStatusSchema = z.enum(GROUP_STATUSES);
export type GroupStatus = z.infer<typeof GroupStatusSchema>;

export const GroupFacilitatorSchema = z.object({
  user: PersonRefSchema,
  role: FacilitatorRoleSchema,
  minutes: z.number().int(),
});

export const GroupAttendeeSchema = z.object({
  member: z.object({ id: IdSchema, displayName: z.string() }),
  noteId: IdSchema,
  noteStatus: NoteStatusSchema,
  revision: z.number().int().min(1),
  /** The attendee's own fields of their note. */
  fields: AttendeeNoteFieldsSchema,
  nextSteps: z.string(),
  dueOn: CalendarDateSchema,
  /** Signing now (or when signed) is after the due date the payer sets: the note needs a late reason. */
  lateReasonNeeded: z.boolean(),
  signedAt: TimestampSchema.nullable(),
  /**
   * What the payer rules say about this attendee's claim now (null when it cannot be judged, e.g. the
   * member has no coverage on the date; `problems` then says why).
   */
  preview: ClaimPreviewSchema.nullable(),
  /** Why there is no preview, and findings that are not the payer's. */
  problems: z.array(ProblemSchema),
});
export type GroupAttendee = z.infer<typeof GroupAttendeeSchema>;

export const GroupSessionSummarySchema = z.object({
  id: IdSchema,
  program: z.object({ id: IdSchema, name: z.string() }),
  topic: z.string(),
  dateOfService: CalendarDateSchema,
  start: z.string().nullable(),
  end: z.string().nullable(),
  modality: NOTE_FIELDS.modality,
  status: GroupStatusSchema,
  attendeeCount: z.number().int().min(0),
  lead: PersonRefSchema.nullable(),
  updatedAt: TimestampSchema,
});
export type GroupSessionSummary = z.infer<typeof GroupSessionSummarySchema>;

export const GroupSessionSchema = GroupSessionSummarySchema.extend({
  memberLocation: NOTE_FIELDS.memberLocation,
  placeOfService: z.string().nullable(),
  interaction: z.string(),
  facilitators: z.array(GroupFacilitatorSchema),
  /** Sum of facilitator minutes ÷ the session's minutes; null until start and end are set. */
  facilitatorFte: z.number().nullable(),
  createdBy: PersonRefSchema,
  createdAt: TimestampSchema,
  attendees: z.array(GroupAttendeeSchema),
  /** True when the caller may change the session (role, reach, and no attendee's note signed yet). */
  editable: z.boolean(),
});
export type GroupSession = z.infer<typeof GroupSessionSchema>;

export const GroupSessionResponseSchema = z.object({ group: GroupSessionSchema });
export type GroupSessionResponse = z.infer<typeof GroupSessionResponseSchema>;

export const GroupListQuerySchema = z.object({
  programId: IdSchema.optional(),
  from: CalendarDateSchema.optional(),
  to: CalendarDateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type GroupListQuery = z.infer<typeof GroupListQuerySchema>;

export const GroupListResponseSchema = z.object({ groups: z.array(GroupSessionSummarySchema) });

/** What the new-session form offers: the programs, who can facilitate, and the members the caller can see. */
export const GroupOptionsResponseSchema = z.object({
  programs: z.array(z.object({ id: IdSchema, name: z.string() })),
  facilitators: z.array(PersonRefSchema),
  members: z.array(z.object({ id: IdSchema, displayName: z.string(), programId: IdSchema })),
});
export type GroupOptionsResponse = z.infer<typeof GroupOptionsResponseSchema>;

/** What happened to one attendee's note when the group was signed. */
export const GroupSignOutcomeSchema = z.object({
  member: z.object({ id: IdSchema, displayName: z.string() }),
  noteId: IdSchema,
  outcome: z.enum(['signed', 'already_signed', 'blocked']),
  /** For a blocked note: why, in the notes module's words. */
  problems: z.array(ProblemSchema),
});
export type GroupSignOutcome = z.infer<typeof GroupSignOutcomeSchema>;

export const SignGroupResponseSchema = z.object({
  group: GroupSessionSchema,
  outcomes: z.array(GroupSignOutcomeSchema),
});
export type SignGroupResponse = z.infer<typeof SignGroupResponseSchema>;
