/**
 * @module services/billing/judge
 * The billing run's decision for each signed note, as a pure function of what the run loaded: claim it (the
 * line the payer's rules give, with the authorization it burns) or hold it (with every error that stops it),
 * or leave it to another run when the run bills a different payer. Notes are judged in date order per member,
 * and each claimed line joins the member's history at once, so the next note on the same day sees it.
 *
 * The request is built by the notes module's `claimRequestOf` — the same mapping the note form's live preview
 * uses — so a note held here shows the same problems to its peer.
 */
import { chooseAuthorization, getPack } from '../../engine/index.js';
import type { Authorization, ClaimLine, StaffContext } from '../../shared/api/claims.js';
import type { NoteFields } from '../../shared/api/notes.js';
import type { ReviewStatus } from '../../shared/documentation.js';
import type { Problem } from '../../shared/problem.js';
import { payerPackLabel, type PayerPackId, type ProgramType } from '../../shared/programs.js';
import { carePlanContextOf, planInEffectOn, type ApprovedPlan } from '../care-plans/index.js';
import { toMemberClaimContext, type MemberClaimRecords } from '../members/index.js';
import { claimRequestOf, payerPackOn, type DocumentedPlanOfCare, type GroupContext } from '../notes/index.js';
import { staffContextOf, type CredentialRecord } from '../staff/index.js';
import { limitPeriodsOf, previewClaim } from '../claims/index.js';
import { MemberHistory, type StoredAuthorization } from './history.js';
import { REVIEW_PENDING, REVIEW_RETURNED } from './owners.js';

/** A signed note as the run judges it. */
export interface NoteToBill {
  id: string;
  memberId: string;
  programId: string;
  authorId: string;
  groupSessionId: string | null;
  reviewStatus: ReviewStatus;
  fields: NoteFields;
  /** The day the note was signed, where its program is. */
  signedOn: string;
}

/** Everything the run loaded for one chunk of members. */
export interface ChunkContext {
  programs: ReadonlyMap<string, { type: ProgramType; payerPacks: readonly PayerPackId[] }>;
  members: ReadonlyMap<string, MemberClaimRecords>;
  /** Each member's approved plan-of-care versions, in the order they take effect. */
  carePlans: ReadonlyMap<string, readonly ApprovedPlan[]>;
  staff: ReadonlyMap<string, CredentialRecord>;
  groups: ReadonlyMap<string, GroupContext>;
  /** The plan version each plan-of-care note documents (Los Angeles), by note id. */
  documentedPlans: ReadonlyMap<string, DocumentedPlanOfCare>;
  /** Each member's counting claim lines; the judge adds the lines it decides on. */
  histories: Map<string, MemberHistory>;
  authorizations: ReadonlyMap<string, readonly (StoredAuthorization & { payerPack: PayerPackId })[]>;
  /** The one payer the run bills, or null for every payer. */
  payerPack: PayerPackId | null;
}

export type Decision =
  | {
      kind: 'claim';
      note: NoteToBill;
      payerPack: PayerPackId;
      line: ClaimLine;
      groupMinutes: number;
      authorizationId: string | null;
      /** Warnings the line goes out with (shown on the worklist). */
      warnings: Problem[];
    }
  | { kind: 'hold'; note: NoteToBill; payerPack: PayerPackId | null; problems: Problem[] }
  | { kind: 'other_payer'; note: NoteToBill };

const SOURCE = { document: 'peerline-billing' };

/** The record of a peer with nothing on file. */
const NO_CREDENTIALS: CredentialRecord = {
  profile: undefined,
  supervisorActive: false,
  continuingEducation: [],
};

/**
 * Judges one note and, when it is claimed, records its line in the member's history.
 *
 * @param note - a signed note of a member in `context`
 * @param context - what the run loaded for the note's chunk
 */
export function judgeNote(note: NoteToBill, context: ChunkContext): Decision {
  const date = note.fields.dateOfService;
  const program = context.programs.get(note.programId);
  const records = context.members.get(note.memberId);
  if (program === undefined || records === undefined) {
    throw new Error(`the run did not load the program or member of note ${note.id}`);
  }
  const member = toMemberClaimContext(records, date);
  const payerPack = payerPackOn(member.coverage, program.payerPacks, date);
  if (context.payerPack !== null && payerPack !== context.payerPack) {
    return { kind: 'other_payer', note };
  }
  const reviewHold = reviewProblem(note.reviewStatus);
  const pack = payerPack === null ? undefined : getPack(payerPack);
  if (pack === undefined || payerPack === null) {
    return { kind: 'hold', note, payerPack, problems: [noCoverage(date, program.payerPacks), ...reviewHold] };
  }
  if (note.fields.start === null || note.fields.end === null) {
    return { kind: 'hold', note, payerPack, problems: [noTimes(), ...reviewHold] };
  }
  const history = historyOf(context, note.memberId);
  const plans = context.carePlans.get(note.memberId) ?? [];
  const plan = planInEffectOn(plans, date);
  // A plan-of-care note is judged on the version it documents (as the note form's preview does).
  const documented = context.documentedPlans.get(note.id);
  const carePlanInEffect = plan === null ? undefined : carePlanContextFor(plan, plans);
  const authorizations = (context.authorizations.get(note.memberId) ?? []).filter(
    (authorization) => authorization.payerPack === payerPack,
  );
  const staffRecord = context.staff.get(note.authorId) ?? NO_CREDENTIALS;
  const request = claimRequestOf({
    fields: note.fields,
    times: { start: note.fields.start, end: note.fields.end },
    signedOn: note.signedOn,
    group: note.groupSessionId === null ? undefined : context.groups.get(note.groupSessionId),
    payerPack,
    programType: program.type,
    member,
    carePlan: documented !== undefined ? documented.carePlan : carePlanInEffect,
    ...(documented === undefined ? {} : { planOfCare: documented.planOfCare }),
    staff: staffContextFor(staffRecord, date),
    history: history.historyOn(date, limitPeriodsOf(pack, date, member.episodeStart)),
    authorizations: history.authorizationsWithUse(authorizations),
  });
  const preview = previewClaim(request);
  const errors = preview.problems.filter((problem) => problem.severity === 'error');
  const line = preview.lines[0];
  if (errors.length > 0 || reviewHold.length > 0 || line === undefined || !preview.billable) {
    const problems = [...errors, ...reviewHold];
    return {
      kind: 'hold',
      note,
      payerPack,
      problems: problems.length > 0 ? problems : [noLine()],
    };
  }
  const isGroup = note.groupSessionId !== null || note.fields.serviceType === 'skill_building_group';
  const groupMinutes = isGroup ? preview.minutes : 0;
  const authorizationId = overLimit(preview.limits)
    ? authorizationUsed(authorizations, request.authorizations, line.code, date)
    : null;
  history.add({ dateOfService: date, code: line.code, units: line.units, groupMinutes, authorizationId });
  return {
    kind: 'claim',
    note,
    payerPack,
    line,
    groupMinutes,
    authorizationId,
    warnings: preview.problems.filter((problem) => problem.severity === 'warning'),
  };
}

/*
 * A chunk holds tens of thousands of notes by a few dozen peers over a month, and each member's few plan
 * versions: the engine's view of a peer's credentials on a day, and of a plan version, are the same for every
 * note that shares them, and building them (a continuing-education cycle, an approval date in the program's
 * time zone) cost more than judging the note. They are pure functions of records the run loaded for the
 * chunk, so each is built once per record (and date) and shared; the maps are keyed by those record objects
 * and let go with the chunk. The engine never changes its input.
 */
const staffContexts = new WeakMap<CredentialRecord, Map<string, StaffContext>>();
const carePlanContexts = new WeakMap<ApprovedPlan, ReturnType<typeof carePlanContextOf>>();

function staffContextFor(record: CredentialRecord, date: string): StaffContext {
  let byDate = staffContexts.get(record);
  if (byDate === undefined) {
    byDate = new Map();
    staffContexts.set(record, byDate);
  }
  let staff = byDate.get(date);
  if (staff === undefined) {
    staff = staffContextOf(record, date);
    byDate.set(date, staff);
  }
  return staff;
}

/** `plans` must be the member's approved versions `plan` came from (always the same array for one plan). */
function carePlanContextFor(
  plan: ApprovedPlan,
  plans: readonly ApprovedPlan[],
): ReturnType<typeof carePlanContextOf> {
  if (carePlanContexts.has(plan)) return carePlanContexts.get(plan);
  const carePlan = carePlanContextOf(plan, plans);
  carePlanContexts.set(plan, carePlan);
  return carePlan;
}

function historyOf(context: ChunkContext, memberId: string): MemberHistory {
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
 * The authorization a billable service over a limit burns: the engine's own choice (`chooseAuthorization`),
 * made on the authorizations with their use as the request gave them, which are the stored ones in order.
 */
function authorizationUsed(
  stored: readonly StoredAuthorization[],
  withUse: readonly Authorization[],
  code: string,
  date: string,
): string | null {
  const index = chooseAuthorization(withUse, code, date);
  return index === -1 ? null : (stored[index]?.id ?? null);
}

function reviewProblem(status: ReviewStatus): Problem[] {
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

function noCoverage(date: string, packs: readonly PayerPackId[]): Problem {
  const payers = packs.map((id) => payerPackLabel(id)).join(' or ');
  return {
    severity: 'error',
    code: 'billing.no_coverage',
    message: `The member has no coverage with ${payers} on ${date}. Record the member’s coverage for that date (with the payer’s member number), then run billing again.`,
    path: ['member', 'coverage'],
    source: SOURCE,
  };
}

function noTimes(): Problem {
  return {
    severity: 'error',
    code: 'billing.no_times',
    message: 'The note has no start or end time, so its units cannot be counted. Add them in an addendum.',
    path: ['service', 'start'],
    source: SOURCE,
  };
}

function noLine(): Problem {
  return {
    severity: 'error',
    code: 'billing.no_line',
    message:
      'The payer’s rules give this service no claim line (no billable code or units). Check the service type and times.',
    path: ['service', 'type'],
    source: SOURCE,
  };
}
