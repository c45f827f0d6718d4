/**
 * Judging notes shares the engine's view of a peer's credentials between notes of one day, but each pack
 * counts continuing education over its own cycle (001: Alameda "per year"; statewide Medi-Cal two years): two
 * notes of one author on one day, for members of different packs, see different hours.
 */
import { describe, expect, it } from 'vitest';
import type { PayerPackId } from '../../shared/programs.js';
import { medicalPeerRecord } from '../../testing/credential-records.js';
import type { MemberClaimRecords } from '../members/index.js';
import { defaultFields } from '../note-fields/index.js';
import type { ClaimContext, NoteToJudge } from './context.js';
import { judgeNote } from './judge.js';

const DATE = '2026-11-18';

/** Issued 2023-03-01: the two-year cycle began 2025-03-01, the one-year 2026-03-01. */
const PEER = medicalPeerRecord(
  '2023-03-01',
  // Only in the year before the last: within the two-year cycle, not the one-year one.
  [{ completedOn: '2025-11-01', hours: 20, lawAndEthicsHours: 6 }],
  '2027-02-28',
);

function member(payerPack: PayerPackId): MemberClaimRecords {
  return {
    dateOfBirth: '1990-04-02',
    hasMedicare: false,
    asamLevel: null,
    specialPopulations: [],
    coverage: [{ payerPack, memberNumber: 'ZZ0001', from: '2026-01-01', to: null }],
    diagnoses: [],
    eligibilityChecks: [],
    eligibilityDeterminations: [],
    outsideGroupHours: [],
    episodes: [],
    consents: [],
  };
}

function note(id: string, memberId: string): NoteToJudge {
  return {
    id,
    memberId,
    programId: 'alameda',
    authorId: 'peer',
    groupSessionId: null,
    reviewStatus: 'not_required',
    fields: {
      ...defaultFields({ serviceType: 'engagement', dateOfService: DATE }),
      start: '10:00',
      end: '11:00',
    },
    signedOn: DATE,
  };
}

function contextOf(notes: NoteToJudge[]): ClaimContext {
  return {
    programs: new Map([
      [
        'alameda',
        { type: 'mh_outpatient', payerPacks: ['ca-dhcs', 'ca-acbhd'], timeZone: 'America/Los_Angeles' },
      ],
    ]),
    members: new Map([
      ['county', member('ca-acbhd')],
      ['state', member('ca-dhcs')],
    ]),
    carePlans: new Map(),
    staff: new Map([['peer', PEER]]),
    groups: new Map(),
    documentedPlans: new Map(),
    firstPlanOfCareNotes: new Map(),
    histories: new Map(),
    authorizations: new Map(),
    fees: [],
    notes,
  };
}

describe('judgeNote: the author’s continuing education under the pack judged', () => {
  it.each([
    { order: 'Alameda first', ids: ['county', 'state'] },
    { order: 'statewide first', ids: ['state', 'county'] },
  ])('counts a year for Alameda and two years statewide on the same day ($order)', ({ ids }) => {
    const notes = ids.map((memberId) => note(`note-${memberId}`, memberId));
    const context = contextOf(notes);
    const hours = new Map<string, unknown>();
    for (const each of notes) {
      const judgement = judgeNote(each, context);
      if (judgement.kind !== 'judged') throw new Error(`note ${each.id} was not judged: ${judgement.kind}`);
      hours.set(judgement.payerPack, judgement.staff.continuingEducation);
    }
    expect(Object.fromEntries(hours)).toEqual({
      'ca-acbhd': { hours: 0, lawAndEthicsHours: 0 },
      'ca-dhcs': { hours: 20, lawAndEthicsHours: 6 },
    });
  });
});

describe('judgeNote: Kansas group hours delivered outside Peerline (003 Limitations/Exclusions)', () => {
  it('counts group psychosocial rehabilitation recorded for the member this calendar year, up to the date of service', () => {
    const kansas: MemberClaimRecords = {
      ...member('ks-pahp'),
      outsideGroupHours: [
        { deliveredOn: '2025-12-31', hours: 100 }, // last year: not counted
        { deliveredOn: '2026-01-01', hours: 2.5 },
        { deliveredOn: DATE, hours: 1 },
        { deliveredOn: '2026-11-19', hours: 40 }, // after the date of service: not counted
      ],
    };
    const judged = note('note-ks', 'kansas');
    const context: ClaimContext = {
      ...contextOf([judged]),
      programs: new Map([
        ['alameda', { type: 'mh_outpatient', payerPacks: ['ks-pahp'], timeZone: 'America/Chicago' }],
      ]),
      members: new Map([['kansas', kansas]]),
    };
    const judgement = judgeNote(judged, context);
    if (judgement.kind !== 'judged') throw new Error(`not judged: ${judgement.kind}`);
    expect(judgement.request.history.calendarYearGroupHours).toBe(3.5);
    // A pack without a calendar-year limit counts none of them.
    const california = judgeNote(note('note-ca', 'state'), {
      ...contextOf([]),
      members: new Map([['state', { ...member('ca-dhcs'), outsideGroupHours: kansas.outsideGroupHours }]]),
    });
    if (california.kind !== 'judged') throw new Error(`not judged: ${california.kind}`);
    expect(california.request.history.calendarYearGroupHours).toBe(0);
  });
});
