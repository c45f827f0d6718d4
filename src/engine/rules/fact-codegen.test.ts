/**
 * The fact derivation generated from the fact table (fact-codegen.ts) against the table-driven reference
 * (`deriveFactValues`): many seeded random requests — every optional field present or not, dates on either side
 * of the date of service — under every pack, for every set of needs the packs produce and more, must give the
 * same value in every slot. Whole previews are compared too, and the service record's reads are counted: each
 * field read at most once, and only the ones the evaluator itself uses when no costly fact is needed.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVITIES,
  CERTIFICATION_TYPES,
  MEMBER_LOCATIONS,
  MODALITIES,
  SERVICE_TYPES,
  type ClaimPreviewRequest,
} from '../../shared/api/claims.js';
import { PROGRAM_TYPES } from '../../shared/programs.js';
import { createRng, type Rng } from '../../synthetic/index.js';
import { parseRequest } from '../../testing/rule-table.js';
import { addDays } from '../calendar/index.js';
import { allPacks, payerPackIds, type Pack } from '../index.js';
import type { FactValue } from './conditions.js';
import { evaluateService, evaluateServiceInterpreted } from './evaluate.js';
import { factDeriver, generateFactDeriver } from './fact-codegen.js';
import {
  ALL_NEEDS,
  COSTLY_GROUPS,
  DERIVED_FACTS,
  deriveFactValues,
  factInput,
  needsOf,
  referenceDeriver,
  type DerivationNeeds,
  type FactDeriver,
} from './facts.js';

/** Seeded random requests: about 110,000 derivations compared each way; seconds on a busy machine. */
const REQUESTS = 600;
const packs = allPacks();

/** A value no derivation writes, so a slot the generated code skipped shows. */
const UNWRITTEN = '(unwritten)';

/** The needs of every pack (claim and staff rules), every costly group alone, all of them and none. */
function needsToTry(): DerivationNeeds[] {
  const byKey = new Map<string, DerivationNeeds>();
  const add = (needs: DerivationNeeds): void => {
    byKey.set(JSON.stringify(needs), needs);
  };
  for (const pack of packs) {
    add(pack.plan.claimNeeds);
    add(pack.plan.staffNeeds);
  }
  add(ALL_NEEDS);
  add(needsOf(new Set()));
  for (const group of COSTLY_GROUPS) {
    add({ ...needsOf(new Set()), [group]: true });
  }
  return [...byKey.values()];
}

function generated(needs: DerivationNeeds): FactDeriver {
  const deriver = generateFactDeriver(needs);
  if (deriver === undefined) {
    throw new Error('code generation is disallowed here');
  }
  return deriver;
}

/** The same value: `Object.is`, or lists of the same strings. */
function sameValue(a: FactValue | undefined, b: FactValue | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, index) => item === b[index]);
  }
  return Object.is(a, b);
}

/** A slot's value as text that tells apart what `toEqual` might not (-0 and 0, NaN, undefined and absent). */
function slotText(value: FactValue | undefined): string {
  if (Array.isArray(value)) {
    return `list ${JSON.stringify(value)}`;
  }
  return Object.is(value, -0) ? 'number -0' : `${typeof value} ${String(value)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Random requests: raw input, parsed through the API schema as a caller's would be.

const BASE_DATES = ['2026-11-18', '2026-11-21', '2026-12-31', '2027-01-01', '2024-02-29', '2026-07-03'];

function maybe<T>(rng: Rng, value: () => T, probability = 0.5): T | undefined {
  return rng.chance(probability) ? value() : undefined;
}

function nearDate(rng: Rng, date: string, days: number): string {
  return addDays(date, rng.int(-days, days));
}

function text(rng: Rng): string {
  return rng.pick(['', ' ', 'Practise the budget', '  Call the housing office  ']);
}

function randomRequest(rng: Rng): ClaimPreviewRequest {
  const date = rng.pick(BASE_DATES);
  const startMinute = rng.int(6 * 60, 20 * 60);
  const clock = (minute: number): string =>
    `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  return parseRequest({
    service: {
      dateOfService: date,
      type: rng.pick(SERVICE_TYPES),
      activity: maybe(rng, () => rng.pick(ACTIVITIES)),
      recipient: maybe(rng, () => rng.pick(['member', 'family_without_member'])),
      familyRelationToTreatment: maybe(rng, () => 'Mother supports the plan'),
      start: clock(startMinute),
      end: clock(startMinute + rng.int(0, 180)),
      modality: rng.pick(MODALITIES),
      memberLocation: maybe(rng, () => rng.pick(MEMBER_LOCATIONS)),
      placeOfService: maybe(rng, () => rng.pick(['02', '09', '10', '11', '12', '53', '99'])),
      identityVerified: maybe(rng, () => rng.chance(0.5)),
      modifiers: maybe(rng, () => rng.shuffled(['HK', 'HQ', 'U4', '93', 'GT']).slice(0, rng.int(0, 3))),
      group: maybe(
        rng,
        () => ({ attendees: rng.int(1, 12), facilitatorFte: rng.pick([0.5, 1, 1.5, 2]) }),
        0.3,
      ),
      interventionInPlan: maybe(rng, () => rng.chance(0.5)),
      familyCoordinationDocumented: maybe(rng, () => rng.chance(0.5)),
      pin: maybe(rng, () => ({ plan: text(rng), interaction: text(rng), nextSteps: text(rng) })),
      planOfCare: maybe(
        rng,
        () => ({
          kind: rng.pick(['new', 'updated']),
          longTermGoalsInMemberWords: text(rng),
          shortTermGoals: rng
            .shuffled([
              { text: 'Open a bank account', targetDate: nearDate(rng, date, 90) },
              { text: 'Call the clinic' },
            ])
            .slice(0, rng.int(0, 2)),
          memberParticipated: rng.chance(0.5),
          memberAgreed: rng.chance(0.5),
        }),
        0.3,
      ),
      signedOn: maybe(rng, () => nearDate(rng, date, 10), 0.8),
      lateReason: maybe(rng, () => 'Out sick', 0.3),
      epsdtJustification: maybe(rng, () => 'Needs more support', 0.2),
      consentCircumstances: maybe(rng, () => 'Called in crisis from a shelter phone', 0.1),
    },
    member: {
      dateOfBirth: nearDate(rng, addDays(date, -rng.pick([0, 10, 17, 18, 20, 21, 40]) * 365), 400),
      coverage: rng
        .shuffled(payerPackIds())
        .slice(0, rng.int(0, 3))
        .map((payerPack) => ({
          payerPack,
          memberId: `ZZ${rng.digits(6)}`,
          from: nearDate(rng, date, 200),
          to: rng.chance(0.5) ? null : nearDate(rng, date, 200),
        })),
      hasMedicare: maybe(rng, () => rng.chance(0.3)),
      diagnoses: rng
        .shuffled([
          { code: 'F33.1', category: 'mental_health' },
          { code: 'F11.20', category: 'substance_use' },
          { code: 'F32.0', category: 'mental_health' },
          { code: 'F70', category: 'intellectual_developmental' },
        ])
        .slice(0, rng.int(0, 3)),
      asamLevel1Met: maybe(rng, () => rng.chance(0.5)),
      specialPopulations: rng.shuffled(['katie_a', 'icc', 'ihbs']).slice(0, rng.int(0, 2)),
      eligibilityVerifiedOn: rng.chance(0.5) ? [date] : [nearDate(rng, date, 30)].slice(0, rng.int(0, 1)),
      consents: maybe(rng, () => ({
        telehealth: maybe(rng, () => nearDate(rng, date, 30)),
        audioOnly: maybe(rng, () => nearDate(rng, date, 30)),
      })),
      carePlan: maybe(rng, () => ({
        approvedOn: maybe(rng, () => nearDate(rng, date, 100), 0.8),
        approverRole: maybe(rng, () =>
          rng.pick(['behavioral_health_professional', 'peer_support_supervisor', 'other']),
        ),
        effectiveFrom: maybe(rng, () => nearDate(rng, date, 100)),
        effectiveTo: maybe(rng, () => nearDate(rng, date, 200)),
        reviewOn: maybe(rng, () => nearDate(rng, date, 60)),
      })),
      comprehensiveAssessmentOn: maybe(rng, () => nearDate(rng, date, 60)),
    },
    staff: maybe(
      rng,
      () => ({
        certification: maybe(
          rng,
          () => ({
            type: rng.pick(CERTIFICATION_TYPES),
            issuedOn: maybe(rng, () => nearDate(rng, date, 400)),
            expiresOn: maybe(rng, () => nearDate(rng, date, 400)),
          }),
          0.8,
        ),
        dateOfBirth: maybe(rng, () => nearDate(rng, addDays(date, -rng.pick([17, 18, 25, 50]) * 365), 400)),
        highSchoolDiploma: maybe(rng, () => rng.chance(0.8)),
        livedExperience: maybe(rng, () => rng.chance(0.8)),
        taxonomy: maybe(rng, () => '175T00000X'),
        hasAssignedSupervisor: maybe(rng, () => rng.chance(0.8)),
        continuingEducation: maybe(rng, () => ({ hours: rng.int(0, 40), lawAndEthicsHours: rng.int(0, 6) })),
        supervision: maybe(
          rng,
          () => ({
            startedOn: nearDate(rng, date, 120),
            trainingCompletedOn: maybe(rng, () => nearDate(rng, date, 120)),
          }),
          0.3,
        ),
      }),
      0.95,
    ),
    program: { type: rng.pick(PROGRAM_TYPES) },
    history: maybe(rng, () => ({
      unitsSameDayByCode: { H0038: rng.int(0, 100), H0025: rng.int(0, 20) },
      episodeFiscalYearUnits: rng.int(0, 500),
      calendarYearGroupHours: rng.int(0, 700),
    })),
    settings: rng.chance(0.1) ? { noteDueBusinessDays: rng.int(0, 10), supervisorTrainingDays: 30 } : {},
  });
}

const rng = createRng('peerline-fact-codegen');
const requests = Array.from({ length: REQUESTS }, (_, index) => randomRequest(rng.at(index)));

describe('generated fact derivation', () => {
  const allNeeds = needsToTry();

  it('tries every set of needs the packs produce, and more', () => {
    const packNeeds = packs.flatMap((pack) => [pack.plan.claimNeeds, pack.plan.staffNeeds]);
    expect(allNeeds.length).toBeGreaterThanOrEqual(COSTLY_GROUPS.length + 2);
    for (const needs of packNeeds) {
      expect(allNeeds).toContainEqual(needs);
    }
  });

  it('writes the reference’s value into every slot, for every request, pack and set of needs', () => {
    // The reference is `deriveFactValues`; `referenceDeriver` is it with the needs fixed, worked out once.
    const derivers = allNeeds.map((needs) => ({
      needs,
      derive: generated(needs),
      reference: referenceDeriver(needs),
    }));
    const differences: string[] = [];
    let compared = 0;
    for (const [index, request] of requests.entries()) {
      for (const pack of packs) {
        const input = factInput(request, 60, 4, pack.id, pack.plan.days);
        for (const { needs, derive, reference } of derivers) {
          const expected: (FactValue | undefined)[] = DERIVED_FACTS.map(() => UNWRITTEN);
          const actual: (FactValue | undefined)[] = DERIVED_FACTS.map(() => UNWRITTEN);
          reference(expected, input);
          derive(actual, input);
          DERIVED_FACTS.forEach((name, slot) => {
            if (!sameValue(actual[slot], expected[slot])) {
              const [ours, theirs] = [slotText(actual[slot]), slotText(expected[slot])];
              differences.push(
                `request ${index}, ${pack.id}, ${JSON.stringify(needs)}: ${name} ${ours} ≠ ${theirs}`,
              );
            }
          });
          compared += 1;
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(compared).toBe(REQUESTS * packs.length * allNeeds.length);
  }, 60_000);

  it('is what each pack judges with, and its previews are the reference’s', () => {
    for (const pack of packs) {
      expect(pack.plan.deriveClaimFacts).toBe(factDeriver(pack.plan.claimNeeds));
      expect(String(pack.plan.deriveClaimFacts)).toMatch(/^function deriveFactValues/);
    }
    for (const request of requests) {
      for (const pack of packs) {
        const reference = JSON.stringify(evaluateServiceInterpreted(pack, structuredClone(request)));
        expect(JSON.stringify(evaluateService(pack, request))).toBe(reference);
      }
    }
  }, 60_000);
});

describe('reads of the service record', () => {
  /** The request with its service record counting each read of a field, and the counts. */
  function counted(request: ClaimPreviewRequest): {
    request: ClaimPreviewRequest;
    reads: Map<string, number>;
  } {
    const reads = new Map<string, number>();
    const service = new Proxy(request.service, {
      get(target, property, receiver): unknown {
        reads.set(String(property), (reads.get(String(property)) ?? 0) + 1);
        return Reflect.get(target, property, receiver) as unknown;
      },
    });
    return { request: { ...request, service }, reads };
  }

  function readsUnder(pack: Pack, needs: DerivationNeeds, derive: FactDeriver): Map<string, number> {
    const { request, reads } = counted(requests[0] ?? randomRequest(rng));
    const input = factInput(request, 60, 4, pack.id, pack.plan.days);
    reads.clear();
    derive(
      DERIVED_FACTS.map(() => undefined),
      input,
    );
    return reads;
  }

  it.each(['generated', 'reference'] as const)('%s: reads each field at most once', (kind) => {
    for (const needs of needsToTry()) {
      for (const pack of packs) {
        const derive =
          kind === 'generated'
            ? generated(needs)
            : (values: (FactValue | undefined)[], input: Parameters<FactDeriver>[1]) =>
                deriveFactValues(values, input, needs);
        const reads = readsUnder(pack, needs, derive);
        expect([...reads.values()].every((count) => count === 1)).toBe(true);
      }
    }
  });

  it('reads only the fields the evaluator uses when no costly fact is needed', () => {
    const pack = packs[0];
    if (pack === undefined) {
      throw new Error('no pack loaded');
    }
    const none = needsOf(new Set());
    expect([...readsUnder(pack, none, generated(none)).keys()].sort()).toEqual([
      'modality',
      'modifiers',
      'placeOfService',
      'type',
    ]);
    // Every field a fact reads, once each, when all are needed.
    expect(readsUnder(pack, ALL_NEEDS, generated(ALL_NEEDS)).size).toBe(18);
  });
});
