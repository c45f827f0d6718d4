/**
 * @module bench/rules/generate
 * Deterministic synthetic claim previews for the rules-engine benchmark: a realistic mix of services across
 * whatever packs `allPacks()` loads, drawn from a seed with the synthetic PRNG (`rng.fork('services').at(i)`,
 * so service `i` depends only on the seed and `i`).
 *
 * The mix is meant to look like a month of real notes, not a stress test: most services are clean, and a
 * realistic share (about 10–25 %) carries a problem — a note under 8 minutes, an expired certification, a
 * missing telehealth consent or plan of care, place of service 09, a modifier the payer does not allow,
 * history close to a daily or episode limit, a late or unsigned note.
 *
 * Memory: a parsed request is a few kilobytes, so 1,000,000 of them would need gigabytes. The benchmark
 * instead generates a pool of distinct requests (10,000 by default) and cycles through it. That is fair for
 * this engine: `evaluateService` is pure and keeps no per-request cache, so the 100th visit of a request costs
 * what the first did; with 10,000 requests (tens of megabytes) the working set is far larger than the CPU
 * caches, so cycling does not turn the loop into a cache-resident microbenchmark either.
 */
import { addDays, fromDayNumber, toDayNumber, type Pack } from '../../src/engine/index.js';
import {
  ClaimPreviewRequestSchema,
  type ClaimPreviewRequest,
  type CertificationType,
  type Modality,
  type ServiceType,
  type ServiceHistory,
} from '../../src/shared/api/claims.js';
import type { PayerPackId, ProgramType } from '../../src/shared/programs.js';
import { createRng, syntheticDateOfBirth, type Rng, type Seed } from '../../src/synthetic/index.js';

/** One generated service: the pack that judges it and the request, parsed once through the API schema. */
export interface BenchService {
  readonly pack: Pack;
  readonly request: ClaimPreviewRequest;
}

/**
 * Share of services per pack, renormalised over the packs that are loaded. A rough picture of a
 * multi-state provider: statewide Medi-Cal (DHCS) is the largest single payer, Los Angeles SAPC and Alameda
 * are the two county overlays with their own rules, and North Carolina and Kansas are the out-of-state
 * programs with fewer members each.
 */
export const PACK_WEIGHTS: Readonly<Record<PayerPackId, number>> = {
  'ca-dhcs': 30,
  'ca-la-sapc': 20,
  'ca-acbhd': 15,
  'nc-wellcare': 20,
  'ks-pahp': 15,
};

/** Who renders and bills under each pack: certifications, programs and the usual diagnosis category. */
interface PackProfile {
  readonly certifications: readonly CertificationType[];
  /** Kansas counts audio-only as not face to face and questions video, so its peers rarely use them. */
  readonly modalities: readonly (readonly [Modality, number])[];
  readonly programs: readonly ProgramType[];
  readonly diagnosis: { readonly code: string; readonly category: 'mental_health' | 'substance_use' };
  readonly memberIdPrefix: string;
}

const CA_NC_MODALITIES: readonly (readonly [Modality, number])[] = [
  ['in_person', 70],
  ['video', 20],
  ['audio_only', 10],
];

const MH_DIAGNOSIS = { code: 'F33.1', category: 'mental_health' } as const;
const SUD_DIAGNOSIS = { code: 'F11.20', category: 'substance_use' } as const;

const CA_DHCS_PROFILE: PackProfile = {
  certifications: ['medi_cal_peer', 'medi_cal_peer', 'medi_cal_peer', 'medi_cal_peer_family'],
  programs: ['mh_outpatient', 'mh_outpatient', 'dmc_ods_outpatient'],
  diagnosis: MH_DIAGNOSIS,
  memberIdPrefix: 'ZZCA',
  modalities: CA_NC_MODALITIES,
};

const PROFILES: Readonly<Record<PayerPackId, PackProfile>> = {
  'ca-dhcs': CA_DHCS_PROFILE,
  'ca-acbhd': {
    certifications: ['medi_cal_peer', 'medi_cal_peer', 'medi_cal_peer_family'],
    programs: ['mh_outpatient'],
    diagnosis: MH_DIAGNOSIS,
    memberIdPrefix: 'ZZCA',
    modalities: CA_NC_MODALITIES,
  },
  'ca-la-sapc': {
    certifications: ['medi_cal_peer'],
    programs: ['dmc_ods_outpatient'],
    diagnosis: SUD_DIAGNOSIS,
    memberIdPrefix: 'ZZCA',
    modalities: CA_NC_MODALITIES,
  },
  'nc-wellcare': {
    certifications: ['north_carolina_peer'],
    programs: ['mh_outpatient', 'dmc_ods_outpatient'],
    diagnosis: MH_DIAGNOSIS,
    memberIdPrefix: 'ZZNC',
    modalities: CA_NC_MODALITIES,
  },
  'ks-pahp': {
    certifications: ['kansas_peer'],
    programs: ['mh_outpatient'],
    diagnosis: MH_DIAGNOSIS,
    memberIdPrefix: 'ZZKS',
    modalities: [
      ['in_person', 90],
      ['video', 8],
      ['audio_only', 2],
    ],
  },
};

/** Service types: mostly individual work, a quarter groups, a few contingency-management contacts. */
const SERVICE_TYPE_WEIGHTS: readonly (readonly [ServiceType, number])[] = [
  ['engagement', 48],
  ['therapeutic_activity', 25],
  ['skill_building_group', 25],
  ['contingency_management', 2],
];

/** In-person places of service, with a little 09 (correctional) and a little of an unknown code. */
const IN_PERSON_POS_WEIGHTS: readonly (readonly [string, number])[] = [
  ['11', 35],
  ['12', 20],
  ['53', 10],
  ['57', 8],
  ['99', 9],
  ['03', 5],
  ['27', 7],
  ['04', 3],
  ['09', 1.5],
  ['98', 0.5],
];

const PEER_ACTIVITIES = [
  'recovery_coaching',
  'recovery_coaching',
  'goal_setting',
  'resource_linkage',
  'skill_building',
  'advocacy',
  'crisis_support',
] as const;

/** Members' ages: 8 % minors, 10 % 18–20 (EPSDT, HK), the rest adults. */
const AGE_BANDS: readonly (readonly [readonly [number, number], number])[] = [
  [[12, 17], 8],
  [[18, 20], 10],
  [[21, 75], 82],
];

const MEMBER_LOCATIONS = ['home', 'home', 'community', 'work', 'school', 'other'] as const;

/** Modifiers a peer might type in: some allowed somewhere, some allowed nowhere. */
const USER_MODIFIER_CHOICES: readonly (readonly string[])[] = [
  ['SC'],
  ['HQ'],
  ['GT'],
  ['U1'],
  ['HE'],
  ['95'],
];

/** Dates of service span most of 2026: every pack's rates are in force, and holidays vary the due dates. */
const FIRST_DATE_OF_SERVICE = '2026-01-05';
const LAST_DATE_OF_SERVICE = '2026-11-30';

export interface GenerateOptions {
  /** Any string or number; the same seed gives the same services. */
  readonly seed: Seed;
  /** Number of distinct services. */
  readonly count: number;
  /** The packs to spread services over (usually `allPacks()`). */
  readonly packs: readonly Pack[];
}

/**
 * Distinct synthetic services for the loaded packs, each parsed once through `ClaimPreviewRequestSchema`
 * (so defaults apply as for a real caller, and no parsing happens in a timed loop).
 *
 * @param options - seed, count and packs
 * @throws Error when no pack is loaded, or a generated request fails the API schema (a generator bug)
 */
export function generateServices(options: GenerateOptions): BenchService[] {
  const { packs } = options;
  if (packs.length === 0) {
    throw new Error('No packs are loaded; nothing to benchmark.');
  }
  // A pack without a weight of its own (one from a pack file) counts like the smallest built-in payer.
  const packWeights = packs.map((pack) => [pack, PACK_WEIGHTS[pack.id] ?? 15] as const);
  const stream = createRng(options.seed).fork('rules-bench').fork('services');
  const services: BenchService[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const rng = stream.at(index);
    const pack = weighted(rng, packWeights);
    const input = syntheticRequest(rng, pack, index);
    const parsed = ClaimPreviewRequestSchema.safeParse(input);
    if (!parsed.success) {
      throw new Error(`Generated service ${index} is not a valid request: ${parsed.error.message}`);
    }
    services.push({ pack, request: parsed.data });
  }
  return services;
}

/** The raw request for one service (before the API schema applies defaults). */
function syntheticRequest(rng: Rng, pack: Pack, index: number): Record<string, unknown> {
  // A pack from a file has no profile of its own: it takes its base pack's, else Medi-Cal's.
  const profile = PROFILES[pack.id] ?? PROFILES[pack.extends ?? 'ca-dhcs'] ?? CA_DHCS_PROFILE;
  const date = fromDayNumber(rng.int(toDayNumber(FIRST_DATE_OF_SERVICE), toDayNumber(LAST_DATE_OF_SERVICE)));
  const type = weighted(rng, SERVICE_TYPE_WEIGHTS);
  // Groups meet in person, bar the odd video group.
  const modality =
    type === 'skill_building_group' && rng.chance(0.95) ? 'in_person' : weighted(rng, profile.modalities);
  const telehealth = modality !== 'in_person';

  // Times: start 08:00–16:00 on a 5-minute grid; mostly 15–90 minutes, sometimes anything from 5 to 120.
  const startMinute = 8 * 60 + rng.int(0, 96) * 5;
  const duration = rng.chance(0.85) ? rng.int(15, 90) : rng.int(5, 120);
  const gaps =
    duration > 30 && rng.chance(0.08) ? [gapInside(startMinute, duration, rng.int(5, 10), rng)] : [];

  // Age mix: some minors and young adults (EPSDT, HK), most adults.
  const [minAge, maxAge] = weighted(rng, AGE_BANDS);
  const dateOfBirth = syntheticDateOfBirth(rng, { minAge, maxAge, onDate: date });
  const under21 = maxAge < 21;

  // 3 % of telehealth notes do not say where the member was.
  const memberLocation = telehealth && rng.chance(0.97) ? rng.pick(MEMBER_LOCATIONS) : undefined;
  const placeOfService = placeOfServiceFor(
    rng,
    telehealth,
    memberLocation,
    pack.placeOfServiceRules.length > 0,
  );

  const signedOn = signature(rng, date);
  const certification = certificationFor(rng, profile, date);
  const history = historyFor(rng, pack);

  return {
    payerPack: pack.id,
    service: {
      dateOfService: date,
      type,
      start: clock(startMinute),
      end: clock(startMinute + duration),
      gaps,
      ...activityFor(rng),
      modality,
      ...(memberLocation === undefined ? {} : { memberLocation }),
      ...(placeOfService === undefined ? {} : { placeOfService }),
      identityVerified: modality === 'audio_only' ? rng.chance(0.95) : false,
      modifiers: rng.chance(0.95) ? [] : rng.pick(USER_MODIFIER_CHOICES),
      ...(type === 'skill_building_group'
        ? {
            group: {
              attendees: rng.chance(0.95) ? rng.int(3, 8) : rng.int(9, 14),
              facilitatorFte: rng.pick([1, 1, 1, 2]),
            },
          }
        : {}),
      interventionInPlan: rng.chance(0.98),
      familyCoordinationDocumented: under21 ? rng.chance(0.95) : false,
      pin: rng.chance(0.98)
        ? {
            plan: 'Practise asking for help',
            interaction: 'Role-played a call to the clinic',
            nextSteps: 'Call on Friday',
          }
        : { plan: 'Practise asking for help', interaction: '', nextSteps: '' },
      ...signedOn,
      ...(under21 && rng.chance(0.3) ? { epsdtJustification: 'Medically necessary past the limit' } : {}),
    },
    member: {
      dateOfBirth,
      coverage: [
        {
          payerPack: pack.id,
          memberId: `${profile.memberIdPrefix}${String(index).padStart(8, '0')}`,
          from: '2025-07-01',
          // 0.8 %: coverage ended before the date of service.
          to: rng.chance(0.008) ? addDays(date, -rng.int(1, 60)) : null,
        },
      ],
      hasMedicare: rng.chance(0.12),
      diagnoses: [profile.diagnosis],
      asamLevel1Met: profile.diagnosis.category === 'substance_use' || rng.chance(0.5),
      specialPopulations: under21 && rng.chance(0.2) ? [rng.pick(['katie_a', 'icc', 'ihbs'] as const)] : [],
      eligibilityVerifiedOn: rng.chance(0.97) ? [date] : [],
      consents: {
        ...(rng.chance(0.96) ? { telehealth: addDays(date, -rng.int(0, 300)) } : {}),
        ...(rng.chance(0.96) ? { audioOnly: addDays(date, -rng.int(0, 300)) } : {}),
      },
      ...carePlanFor(rng, date),
      ...assessmentFor(rng, date),
      episodeStart: addDays(date, -rng.int(0, 300)),
    },
    staff: {
      ...(certification === undefined ? {} : { certification }),
      dateOfBirth: syntheticDateOfBirth(rng, { minAge: 24, maxAge: 66, onDate: date }),
      highSchoolDiploma: rng.chance(0.99),
      livedExperience: true,
      hasAssignedSupervisor: rng.chance(0.98),
      continuingEducation: { hours: rng.int(0, 30), lawAndEthicsHours: rng.int(0, 8) },
    },
    program: { type: rng.pick(profile.programs) },
    history,
    authorizations: authorizationsFor(rng, pack, date),
    // Drawn last, so the services before fees came in are drawn exactly as they were.
    fees: feesFor(rng, pack),
  };
}

/** Demo-like charges per unit: an individual unit $50.00, a group's (HQ) $5.00 (none at $0: a charge is ≥ 1¢). */
const BENCH_UNIT_CHARGE_CENTS = 5000;
const BENCH_GROUP_UNIT_CHARGE_CENTS = 500;
/**
 * Expected rates an organisation enters where the pack has none to default to: a county contract rate for
 * California's H0038 (synthetic), so the group H0025 goes through DHCS's ÷ 4.5; elsewhere the pack's rate.
 */
const BENCH_EXPECTED_UNIT_RATE_CENTS: Readonly<Partial<Record<string, Readonly<Record<string, number>>>>> = {
  'ca-dhcs': { H0038: 4000 },
  'ca-acbhd': { H0038: 4200 },
};

const fullSchedules = new WeakMap<Pack, readonly Record<string, unknown>[]>();

/**
 * The fee schedule in force for the pack, as the billing run passes it: a fee for every code and procedure
 * modifiers the pack bills. 1 % of services find one fee missing (a code the organisation has not priced yet),
 * which the engine reports as `<pack>.charge.present`.
 */
function feesFor(rng: Rng, pack: Pack): readonly Record<string, unknown>[] {
  let schedule = fullSchedules.get(pack);
  if (schedule === undefined) {
    const seen = new Set<string>();
    const fees: Record<string, unknown>[] = [];
    for (const procedure of pack.procedures) {
      const modifiers = [...procedure.modifiers].sort();
      const key = [procedure.code, ...modifiers].join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      fees.push({
        code: procedure.code,
        modifiers,
        unitChargeCents: modifiers.includes('HQ') ? BENCH_GROUP_UNIT_CHARGE_CENTS : BENCH_UNIT_CHARGE_CENTS,
        expectedUnitRateCents: BENCH_EXPECTED_UNIT_RATE_CENTS[pack.id]?.[key] ?? null,
      });
    }
    schedule = fees;
    fullSchedules.set(pack, schedule);
  }
  if (schedule.length > 0 && rng.chance(0.01)) {
    const missing = rng.int(0, schedule.length - 1);
    return schedule.filter((_fee, index) => index !== missing);
  }
  return schedule;
}

function placeOfServiceFor(
  rng: Rng,
  telehealth: boolean,
  memberLocation: string | undefined,
  packDerivesTelehealthPos: boolean,
): string | undefined {
  const telehealthCode = memberLocation === 'home' ? '10' : '02';
  if (telehealth && packDerivesTelehealthPos) {
    // Usually derived by the engine (10 at home, 02 elsewhere); sometimes typed in.
    return rng.chance(0.6) ? undefined : telehealthCode;
  }
  if (telehealth) {
    // Packs that keep the usual place of service for telehealth: mostly that, sometimes 02/10 out of habit.
    return rng.chance(0.93) ? rng.pick(['11', '11', '12', '53']) : telehealthCode;
  }
  // 1 %: in person with no place of service chosen.
  return rng.chance(0.01) ? undefined : weighted(rng, IN_PERSON_POS_WEIGHTS);
}

/** Peer-support activities; 2 % an activity some payers exclude; 3 % work with the family alone. */
function activityFor(rng: Rng): Record<string, string> {
  const activity = rng.chance(0.98)
    ? rng.pick(PEER_ACTIVITIES)
    : rng.pick(['transportation', 'recreation', 'habilitation', 'childcare'] as const);
  if (rng.chance(0.97)) {
    return { activity };
  }
  return {
    activity: 'family_education',
    recipient: 'family_without_member',
    ...(rng.chance(0.8)
      ? { familyRelationToTreatment: 'Helps the family support the member’s recovery plan' }
      : {}),
  };
}

/**
 * Prior authorizations, for packs with an episode limit (where they matter): 10 % of services carry one for
 * the pack's code, covering the date, with anything from none to all of its units used.
 */
function authorizationsFor(rng: Rng, pack: Pack, date: string): Record<string, unknown>[] {
  const code = pack.procedures[0]?.code;
  if (code === undefined || !pack.limits.some((limit) => limit.period === 'episode_state_fiscal_year')) {
    return [];
  }
  if (!rng.chance(0.1)) {
    return [];
  }
  const units = rng.pick([24, 48, 96]);
  return [
    {
      number: `PA${rng.digits(8)}`,
      code,
      units,
      usedUnits: rng.int(0, units),
      from: addDays(date, -rng.int(0, 90)),
      to: addDays(date, rng.int(0, 180)),
    },
  ];
}

/** Signed the same day (85 %), 1–3 days later (8.5 %), late (5 %, half with a reason), or a draft (1.5 %). */
function signature(rng: Rng, date: string): { signedOn?: string; lateReason?: string } {
  const draw = rng.float();
  if (draw < 0.85) {
    return { signedOn: date };
  }
  if (draw < 0.935) {
    return { signedOn: addDays(date, rng.int(1, 3)) };
  }
  if (draw < 0.985) {
    return {
      signedOn: addDays(date, rng.int(6, 12)),
      ...(rng.chance(0.5) ? { lateReason: 'Out sick' } : {}),
    };
  }
  return {};
}

/** Current (98 %), expired shortly before the service (1.5 %), missing or uncertified (0.5 %). */
function certificationFor(
  rng: Rng,
  profile: PackProfile,
  date: string,
): { type: CertificationType; issuedOn: string; expiresOn: string } | undefined {
  const draw = rng.float();
  const type = rng.pick(profile.certifications);
  const issuedOn = addDays(date, -rng.int(100, 700));
  if (draw < 0.98) {
    return { type, issuedOn, expiresOn: addDays(date, rng.int(1, 700)) };
  }
  if (draw < 0.995) {
    return { type, issuedOn, expiresOn: addDays(date, -rng.int(1, 90)) };
  }
  return draw < 0.9975 ? undefined : { type: 'legacy_uncertified', issuedOn, expiresOn: addDays(date, 365) };
}

/**
 * The comprehensive clinical assessment (2 % dated after the service) and, for North Carolina, who did it and
 * the service order the same clinician wrote that day. One draw, in the place the assessment date always took.
 */
function assessmentFor(
  rng: Rng,
  date: string,
): Pick<
  ClaimPreviewRequest['member'],
  'comprehensiveAssessmentOn' | 'comprehensiveAssessmentBy' | 'serviceOrder'
> {
  const assessmentOn = rng.chance(0.98) ? addDays(date, -rng.int(10, 300)) : addDays(date, 3);
  return {
    comprehensiveAssessmentOn: assessmentOn,
    comprehensiveAssessmentBy: 'Synthetic Clinician, LCSW',
    serviceOrder: { orderedOn: assessmentOn, clinician: 'Synthetic Clinician', credential: 'LCSW' },
  };
}

/** An approved plan in effect (98 %), approved after the service (0.7 %), lapsed (0.8 %), or none (0.5 %). */
function carePlanFor(rng: Rng, date: string): { carePlan?: Record<string, string | string[]> } {
  const draw = rng.float();
  const approvedOn = addDays(date, -rng.int(5, 200));
  // Every plan names a North Carolina §I.D need area (no draw, so the sequence is as before).
  const approver = { approverRole: 'behavioral_health_professional', needAreas: ['daily_living_skills'] };
  if (draw < 0.98) {
    return { carePlan: { approvedOn, effectiveFrom: approvedOn, ...approver } };
  }
  if (draw < 0.987) {
    return { carePlan: { approvedOn: addDays(date, rng.int(1, 20)), ...approver } };
  }
  if (draw < 0.995) {
    return {
      carePlan: {
        approvedOn,
        effectiveFrom: approvedOn,
        effectiveTo: addDays(date, -rng.int(1, 30)),
        ...approver,
      },
    };
  }
  return {};
}

/**
 * History under each of the pack's limits: mostly nothing or a little used; 4 % of services close to
 * (or just over) the maximum, where one more note tips it.
 */
function historyFor(rng: Rng, pack: Pack): ServiceHistory {
  const history: ServiceHistory = {
    unitsSameDayByCode: {},
    episodeFiscalYearUnits: 0,
    calendarYearGroupHours: 0,
  };
  for (const limit of pack.limits) {
    const setting = pack.settings[limit.maxSetting]?.value;
    const max = typeof setting === 'number' ? setting : 0;
    const draw = rng.float();
    let used: number;
    if (draw < 0.04) {
      used = rng.int(Math.max(0, Math.floor(max) - 8), Math.floor(max));
    } else if (limit.period === 'day') {
      used = rng.chance(0.8) ? 0 : rng.int(1, 12);
    } else {
      used = rng.int(0, Math.floor(max * 0.7));
    }
    switch (limit.period) {
      case 'day':
        // Every code of the pack the same: the units already billed that day under whatever code it bills.
        for (const procedure of pack.procedures) history.unitsSameDayByCode[procedure.code] = used;
        break;
      case 'episode_state_fiscal_year':
        history.episodeFiscalYearUnits = used;
        break;
      case 'calendar_year':
        history.calendarYearGroupHours = used;
        break;
    }
  }
  return history;
}

/** A gap of `length` minutes strictly inside the service. */
function gapInside(
  start: number,
  duration: number,
  length: number,
  rng: Rng,
): { start: string; end: string } {
  const gapStart = start + rng.int(5, duration - length - 5);
  return { start: clock(gapStart), end: clock(gapStart + length) };
}

function clock(minuteOfDay: number): string {
  const hours = Math.floor(minuteOfDay / 60);
  const minutes = minuteOfDay % 60;
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

function weighted<T>(rng: Rng, choices: readonly (readonly [T, number])[]): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let draw = rng.float() * total;
  for (const [value, weight] of choices) {
    draw -= weight;
    if (draw < 0) {
      return value;
    }
  }
  const last = choices[choices.length - 1];
  if (last === undefined) {
    throw new RangeError('cannot pick from an empty list');
  }
  return last[0];
}
