/**
 * @module services/billing/decisions
 * What a billing run does with each note, from the claim rules' judgement of it (services/claims `judgeNote`):
 * claim it (the line, with the authorization it burns), hold it (with every error that stops it, in words
 * that say who fixes it and how), or leave it to another run when the run bills a different payer. A claim
 * keeps what the note was judged with that its 837 carries (`JudgedWith`), so the file says what was judged.
 */
import type { ClaimLine } from '../../shared/api/claims.js';
import type { Problem } from '../../shared/problem.js';
import type { PayerPackId } from '../../shared/programs.js';
import { payerPackName } from '../../engine/index.js';
import type { Judgement, NoteToJudge } from '../claims/index.js';

/**
 * What a note was judged with that its claim's 837 carries, recorded on the claim: the export reads these
 * rather than the member's record and the peer's profile as they are by then.
 */
export interface JudgedWith {
  /** The member's id with the payer, from the coverage entry judged by (2010BA NM109). */
  payerMemberId: string;
  /** The diagnoses in force on the date, as the engine had them: the principal first (HI). */
  diagnosisCodes: readonly string[];
  /** The rendering provider's taxonomy the rules judged (2310B PRV03). */
  renderingTaxonomy: string;
}

export type Decision =
  | {
      kind: 'claim';
      note: NoteToJudge;
      payerPack: PayerPackId;
      line: ClaimLine;
      /** The direct minutes the line's units were counted from (a payer that combines same-day lines sums them). */
      minutes: number;
      groupMinutes: number;
      authorizationId: string | null;
      /** Warnings the line goes out with (shown on the worklist). */
      warnings: Problem[];
      judgedWith: JudgedWith;
    }
  | { kind: 'hold'; note: NoteToJudge; payerPack: PayerPackId | null; problems: Problem[] }
  | { kind: 'other_payer'; note: NoteToJudge };

const SOURCE = { document: 'peerline-billing' };

/** The run's decision for a judged note. */
export function decisionOf(judgement: Judgement): Decision {
  const { note } = judgement;
  switch (judgement.kind) {
    case 'other_payer':
      return { kind: 'other_payer', note };
    case 'no_coverage':
      return {
        kind: 'hold',
        note,
        payerPack: null,
        problems: [noCoverage(note.fields.dateOfService, judgement.programPacks), ...judgement.review],
      };
    case 'no_times':
      return {
        kind: 'hold',
        note,
        payerPack: judgement.payerPack,
        problems: [noTimes(), ...judgement.review],
      };
    case 'judged': {
      const { claimable, preview, payerPack, request } = judgement;
      if (claimable !== null) {
        return {
          kind: 'claim',
          note,
          payerPack,
          line: claimable.line,
          minutes: preview.minutes,
          groupMinutes: claimable.groupMinutes,
          authorizationId: claimable.authorizationId,
          warnings: preview.problems.filter((problem) => problem.severity === 'warning'),
          judgedWith: {
            payerMemberId: judgement.coverage.memberId,
            diagnosisCodes: request.member.diagnoses.map((diagnosis) => diagnosis.code),
            renderingTaxonomy: recordedTaxonomy(request.staff.taxonomy),
          },
        };
      }
      const problems = [
        ...preview.problems.filter((problem) => problem.severity === 'error'),
        ...judgement.review,
      ];
      return { kind: 'hold', note, payerPack, problems: problems.length > 0 ? problems : [noLine()] };
    }
  }
}

/** The rendering taxonomy of a claimable note: the claim-file check holds a note without one. */
function recordedTaxonomy(taxonomy: string | undefined): string {
  if (taxonomy === undefined) {
    throw new Error('a note without a rendering taxonomy was judged claimable');
  }
  return taxonomy;
}

function noCoverage(date: string, packs: readonly PayerPackId[]): Problem {
  const payers = packs.map((id) => payerPackName(id)).join(' or ');
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
    path: ['fields', 'start'],
    source: SOURCE,
  };
}

function noLine(): Problem {
  return {
    severity: 'error',
    code: 'billing.no_line',
    message:
      'The payer’s rules give this service no claim line (no billable code or units). Check the service type and times.',
    path: ['fields', 'serviceType'],
    source: SOURCE,
  };
}
