/**
 * @module services/claims/judge
 * The claim rules' answer for each note, as a pure function of what the claim context loaded: the pack the
 * member's coverage gives, the engine's preview of the note's claim (judged once, against the member's history
 * as it stands when the note's turn comes), and whether that claim is claimable now. Notes are judged per member
 * in order (date of service, start time, id), and each line the payer's rules would bill joins the member's
 * history at once, so the next note that day sees it — also while the note's review still holds it, since it
 * bills once co-signed. The billing run judges a chunk this way; the note form's preview and signing
 * judge the member's earlier unbilled notes this way and then the note — so the preview a peer sees is what a
 * billing run started now would claim or hold.
 */
import { getPack, type Pack } from '../../engine/index.js';
import type {
  ClaimLine,
  ClaimPreview,
  ClaimPreviewRequest,
  MemberContext,
  StaffContext,
} from '../../shared/api/claims.js';
import type { ReviewStatus } from '../../shared/documentation.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import {
  carePlanContextOf,
  documentedPlanFor,
  planInEffectOn,
  type ApprovedPlan,
} from '../care-plans/index.js';
import { feesInForce } from '../fee-schedule/index.js';
import { toMemberClaimContext } from '../members/index.js';
import { ceCycleYears, staffContextOf, type CredentialRecord } from '../staff/index.js';
import type { ClaimContext, NoteToJudge } from './context.js';
import { limitPeriodsOf, MemberHistory, outsideGroupHoursOn } from './history.js';
import { previewClaimForBilling } from './preview.js';
import { claimRequestOf, coverageJudgedBy, onNoteFields } from './request.js';

/** A claim line the note makes, as billing records it. */
export interface ClaimableLine {
  line: ClaimLine;
  /** Direct minutes of a group service (0 for individual services): Kansas counts group hours. */
  groupMinutes: number;
  /** The authorization the line burns: set when the service is over a limit and one covers it. */
  authorizationId: string | null;
}

/** What the claim rules say of one note. */
export type Judgement =
  /** The member's coverage is with a payer the caller is not judging (a billing run for one payer). */
  | { kind: 'other_payer'; note: NoteToJudge }
  /** No coverage in force on the date with a payer the note's program bills. */
  | { kind: 'no_coverage'; note: NoteToJudge; programPacks: readonly PayerPackId[]; review: Problem[] }
  /** No start or end time: nothing to count units from. */
  | { kind: 'no_times'; note: NoteToJudge; payerPack: PayerPackId; review: Problem[] }
  | {
      kind: 'judged';
      note: NoteToJudge;
      payerPack: PayerPackId;
      /** The coverage entry the note was judged by: its member id is the one the claim carries. */
      coverage: MemberContext['coverage'][number];
      request: ClaimPreviewRequest;
      /** The engine's answer, its problems placed on the note's fields (`['fields', …]`). */
      preview: ClaimPreview;
      staff: StaffContext;
      /** Why a signed note's review stops billing it (a co-signature missing, or the note returned). */
      review: Problem[];
      /** The line billing would claim now, or null when the note would be held (by the rules or its review). */
      claimable: ClaimableLine | null;
    };

/** A claim the 837 cannot carry: no diagnosis on the date of service (whatever the payer's rules say). */
export const NO_DIAGNOSIS = 'billing.no_diagnosis';
/** A note whose author has no rendering taxonomy recorded: no claim file can name the rendering provider. */
export const NO_TAXONOMY = 'billing.no_taxonomy';

/** Problem codes of a signed note that its review holds. */
export const REVIEW_PENDING = 'billing.review_pending';
export const REVIEW_RETURNED = 'billing.review_returned';

const SOURCE = { document: 'peerline-billing' };

/** The record of a peer with nothing on file. */
const NO_CREDENTIALS: CredentialRecord = {
  profile: undefined,
  supervisorActive: false,
  continuingEducation: [],
};

/**
 * Judges one note and, when it is claimable, records its line in the member's history.
 *
 * @param note - a note of `context` (its turn in `context.notes`' order)
 * @param context - what was loaded for the note's member
 * @param payerPack - the one payer being judged (a billing run for one payer), or null for every payer
 */
export function judgeNote(
  note: NoteToJudge,
  context: ClaimContext,
  payerPack: PayerPackId | null = null,
): Judgement {
  const date = note.fields.dateOfService;
  const program = context.programs.get(note.programId);
  const records = context.members.get(note.memberId);
  if (program === undefined || records === undefined) {
    throw new Error(`the claim context did not load the program or member of note ${note.id}`);
  }
  const firstPlanOfCareNoteOn = context.firstPlanOfCareNotes.get(note.memberId);
  const member =
    firstPlanOfCareNoteOn === undefined
      ? toMemberClaimContext(records, date)
      : { ...toMemberClaimContext(records, date), firstPlanOfCareNoteOn };
  const coverage = coverageJudgedBy(member.coverage, program.payerPacks, date);
  if (payerPack !== null && coverage?.payerPack !== payerPack) return { kind: 'other_payer', note };
  const review = reviewProblems(note.reviewStatus);
  const pack = coverage === undefined ? undefined : getPack(coverage.payerPack);
  if (pack === undefined || coverage === undefined) {
    return { kind: 'no_coverage', note, programPacks: program.payerPacks, review };
  }
  const covering = coverage.payerPack;
  if (note.fields.start === null || note.fields.end === null) {
    return { kind: 'no_times', note, payerPack: covering, review };
  }
  const history = historyOf(context, note.memberId);
  const plans = context.carePlans.get(note.memberId) ?? [];
  const plan = planInEffectOn(plans, date);
  // A plan-of-care note is judged on the version it documents.
  const documented = documentedPlanFor(context.documentedPlans, note.memberId, note.fields.planOfCareId);
  // An authorization recorded for a program covers only that program's notes; one without, any program's.
  const authorizations = (context.authorizations.get(note.memberId) ?? []).filter(
    (authorization) =>
      authorization.payerPack === covering &&
      (authorization.programId === null || authorization.programId === note.programId),
  );
  const staff = staffContextFor(context.staff.get(note.authorId) ?? NO_CREDENTIALS, date, pack);
  const request = claimRequestOf({
    fields: note.fields,
    times: { start: note.fields.start, end: note.fields.end },
    signedOn: note.signedOn,
    group: note.group ?? (note.groupSessionId === null ? undefined : context.groups.get(note.groupSessionId)),
    payerPack: covering,
    programType: program.type,
    member,
    carePlan: documented !== null ? documented.carePlan : carePlanFor(plan, plans),
    documented,
    staff,
    history: historyWithOutsideHours(
      history,
      records.outsideGroupHours,
      date,
      limitPeriodsOf(pack, date, member.episodeStart),
    ),
    authorizations: history.authorizationsWithUse(authorizations),
    fees: feesInForce(context.fees, covering, note.programId, date),
  });
  const { preview: engine, authorization: chosen } = previewClaimForBilling(request);
  const claimFile = claimFileProblems(request);
  const preview = {
    ...engine,
    billable: engine.billable && claimFile.length === 0,
    problems: [...engine.problems.map(onNoteFields), ...claimFile],
  };
  const line = preview.lines[0];
  const held =
    line === undefined ||
    !preview.billable ||
    preview.problems.some((problem) => problem.severity === 'error');
  const judged = {
    kind: 'judged',
    note,
    payerPack: covering,
    coverage,
    request,
    preview,
    staff,
    review,
  } as const;
  if (held) return { ...judged, claimable: null };
  const isGroup = note.groupSessionId !== null || note.fields.serviceType === 'skill_building_group';
  const groupMinutes = isGroup ? preview.minutes : 0;
  // The engine's own choice (for the line's code and procedure modifiers), made on the authorizations as the
  // request gave them: the stored ones, in order.
  const authorizationId = overLimit(preview.limits) ? (authorizations[chosen]?.id ?? null) : null;
  // A note the payer's rules would bill keeps its place in the member's history even while its review holds
  // it: it bills once co-signed, so a later service that day must not take the room it needs.
  history.add({ dateOfService: date, code: line.code, units: line.units, groupMinutes, authorizationId });
  return { ...judged, claimable: review.length > 0 ? null : { line, groupMinutes, authorizationId } };
}

/**
 * Judges the member's notes of `context` in order up to `noteId` and answers that note's judgement: what a
 * billing run started now would do with it, after the notes judged before it.
 *
 * @throws Error when `noteId` is not among the context's notes
 */
export function judgeInTurn(context: ClaimContext, noteId: string): Judgement {
  const target = context.notes.find((note) => note.id === noteId);
  if (target === undefined) throw new Error(`note ${noteId} is not in the claim context`);
  for (const note of context.notes) {
    if (note.memberId !== target.memberId) continue;
    const judgement = judgeNote(note, context);
    if (note.id === noteId) return judgement;
  }
  throw new Error(`note ${noteId} was not judged`);
}

/*
 * A chunk holds tens of thousands of notes by a few dozen peers over a month, and each member's few plan
 * versions: the engine's view of a peer's credentials on a day, and of a plan version, are the same for every
 * note that shares them, and building them (a continuing-education cycle, an approval date in the program's
 * time zone) cost more than judging the note. They are pure functions of records loaded with the context, so
 * each is built once per record (and date, and the pack's continuing-education cycle: packs with cycles of
 * different lengths count different hours) and shared; the maps are keyed by those record objects and let go
 * with the context. The engine never changes its input.
 */
const staffContexts = new WeakMap<CredentialRecord, Map<string, StaffContext>>();
const carePlanContexts = new WeakMap<ApprovedPlan, ReturnType<typeof carePlanContextOf>>();

function staffContextFor(record: CredentialRecord, date: string, pack: Pack): StaffContext {
  let byKey = staffContexts.get(record);
  if (byKey === undefined) {
    byKey = new Map();
    staffContexts.set(record, byKey);
  }
  const cycleYears = ceCycleYears(pack);
  const key = `${date}/${String(cycleYears ?? 'none')}`;
  let staff = byKey.get(key);
  if (staff === undefined) {
    staff = staffContextOf(record, date, cycleYears);
    byKey.set(key, staff);
  }
  return staff;
}

/** `plans` must be the member's approved versions `plan` came from (always the same array for one plan). */
function carePlanFor(
  plan: ApprovedPlan | null,
  plans: readonly ApprovedPlan[],
): ReturnType<typeof carePlanContextOf> {
  if (plan === null) return undefined;
  if (carePlanContexts.has(plan)) return carePlanContexts.get(plan);
  const carePlan = carePlanContextOf(plan, plans);
  carePlanContexts.set(plan, carePlan);
  return carePlan;
}

/**
 * The member's history on `date`, its calendar-year group hours including the group psychosocial rehabilitation
 * hours recorded as delivered outside Peerline (Kansas 750 hours).
 */
function historyWithOutsideHours(
  history: MemberHistory,
  outside: readonly { deliveredOn: string; hours: number }[],
  date: string,
  periods: ReturnType<typeof limitPeriodsOf>,
) {
  const counted = history.historyOn(date, periods);
  const extra = outsideGroupHoursOn(outside, date, periods);
  return extra === 0
    ? counted
    : { ...counted, calendarYearGroupHours: counted.calendarYearGroupHours + extra };
}

function historyOf(context: ClaimContext, memberId: string): MemberHistory {
  let history = context.histories.get(memberId);
  if (history === undefined) {
    history = new MemberHistory();
    context.histories.set(memberId, history);
  }
  return history;
}

/** A limit this service goes over: billable only because an authorization covers it. */
function overLimit(limits: readonly { remaining: number }[]): boolean {
  return limits.some((limit) => limit.remaining < 0);
}

/**
 * What every claim file needs of the claim whatever the payer: the rendering provider's taxonomy (2310B PRV,
 * never assumed) and a diagnosis (837P loop 2300 HI is required).
 * A claim is made with the diagnoses in force on the date and keeps them, so one made without any could never
 * be sent; the note is held instead until the diagnosis is recorded, and the next billing run claims it.
 */
function claimFileProblems(request: ClaimPreviewRequest): Problem[] {
  const problems: Problem[] = [];
  if (request.staff.taxonomy === undefined) {
    // 2310B PRV03: the rendering provider's taxonomy; it is never assumed, so a claim without one is held.
    problems.push({
      severity: 'error',
      code: NO_TAXONOMY,
      message:
        'No rendering taxonomy is recorded for the peer who wrote this note, and every claim names one. Ask a program admin to record it on the staff profile (175T00000X for a peer specialist); the next billing run then bills this note.',
      path: ['staff', 'taxonomy'],
      source: {
        document: 'ASC X12 005010X222A1',
        section: '2310B PRV (Rendering Provider Specialty Information)',
      },
    });
  }
  if (request.member.diagnoses.length > 0) return problems;
  return [
    ...problems,
    {
      severity: 'error',
      code: NO_DIAGNOSIS,
      message: `The member has no diagnosis recorded for ${request.service.dateOfService}, and every claim must carry one. Ask the member’s clinician to record the diagnosis on the member’s record; the next billing run then bills this note.`,
      path: ['member', 'diagnoses'],
      source: { document: 'ASC X12 005010X222A1', section: '2300 HI (Health Care Diagnosis Code)' },
    },
  ];
}

function reviewProblems(status: ReviewStatus): Problem[] {
  switch (status) {
    case 'not_required':
    case 'cosigned':
      return [];
    case 'pending':
      return [
        {
          severity: 'error',
          code: REVIEW_PENDING,
          message:
            'A supervisor has not co-signed this note yet. It is billed by the first run after they co-sign it from the review queue.',
          path: ['review'],
          source: SOURCE,
        },
      ];
    case 'returned':
      return [
        {
          severity: 'error',
          code: REVIEW_RETURNED,
          message:
            'The supervisor returned this note with comments. Answer them with an addendum; the note is billed once the supervisor co-signs it.',
          path: ['review'],
          source: SOURCE,
        },
      ];
  }
}
