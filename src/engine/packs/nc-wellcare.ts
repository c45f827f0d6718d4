/**
 * @module engine/packs/nc-wellcare
 * WellCare of North Carolina, clinical policy WNC.CP.231 "Peer Support Services" (seed 002), plus the North
 * Carolina facts in rules-research.md §(g) where the policy is silent.
 *
 * What the engine does not do for this pack, by design:
 * - The state fiscal year and the episode of care are the caller's: `history.episodeFiscalYearUnits` must hold
 *   the unmanaged units the member has already used since the start of the state fiscal year (July 1, setting
 *   `stateFiscalYearStartMonth`) — by default whatever the episode, since the allotment comes "once" a year;
 *   with the setting `unmanagedUnitsRenewPerEpisode` on, since the later of that and the current episode's
 *   start. The engine adds this service's units to it and compares with the 24-unit limit.
 * - The policy gives no rate ("Provider(s) shall bill their usual and customary charges. For a schedule of
 *   rates, refer to …"), so the pack holds none: a line's charge comes from the organisation's fee schedule in
 *   the request (none on file → the error `nc-wellcare.charge.present`), and its expected payment is unknown
 *   until billing staff enter WellCare's contracted rate there as the fee's expected rate.
 * - §II.E, "covered services that have not been rendered", has no edit: a signed note documents a rendered
 *   service, so the choice is recorded as the setting `servicesNotRendered` rather than as an invented check.
 */
import type { Activity } from '../../shared/api/claims.js';
import type { PackDefinition } from '../rules/pack.js';
import { commonRules } from './common.js';

const POLICY = '002_ecb9022408967455.txt';
const RESEARCH = 'rules-research.md';
/**
 * The policy is "effective as of the date determined by the Health Plan" and gives only review and approval
 * months (original approval 06/21). Choice: in force from 2021-07-01, the first day after the original approval
 * and the start of state fiscal year 2022; the current text (telehealth criteria added 08/21, reviewed 05/23)
 * applies throughout.
 */
const SINCE = '2021-07-01';

type Citation = { document: string; section: string; quote: string };
type RuleInput = NonNullable<PackDefinition['rules']>[number];

const policy = (section: string, quote: string): Citation => ({ document: POLICY, section, quote });

const UNMANAGED_LIMIT: Citation = policy(
  'I. Prior Approval, A',
  'Coverage of Peer Support Services is limited to twenty-four (24) unmanaged units once per episode of care per state fiscal year.',
);

/** Activities WellCare does not cover (002 §II), each with what the peer should do instead. */
const NOT_COVERED: readonly {
  activity: Activity;
  letter: string;
  quote: string;
  criterion: string;
  message: string;
  choice?: string;
}[] = [
  {
    activity: 'transportation',
    letter: 'A',
    quote: 'Transportation for the beneficiary or family members',
    criterion: 'Transporting the member or family is not peer support.',
    message:
      'WellCare of North Carolina does not pay for transporting the member or family as peer support. Bill only the time spent on peer support itself, and record the drive as a non-billable contact.',
  },
  {
    activity: 'habilitation',
    letter: 'B',
    quote: 'Habilitation activities',
    criterion: 'Habilitation activities are not peer support.',
    message:
      'WellCare of North Carolina does not pay for habilitation activities as peer support. If the contact was recovery-focused peer support, correct the activity; otherwise don’t bill it.',
  },
  {
    activity: 'recreation',
    letter: 'C',
    quote:
      'Time spent performing, attending or participating in recreational activities unless tied to specific planned social skill assistance',
    criterion: 'Recreation is covered only when tied to a social skill planned in the Person-Centered Plan.',
    message:
      'WellCare of North Carolina does not pay for recreation unless it practises a social skill planned in the member’s Person-Centered Plan. If it did, record the activity as skill building and name the skill; otherwise don’t bill this contact.',
    choice:
      'The activity "recreation" means recreation not tied to a planned social skill; recreation that practises a planned social skill is recorded as "skill_building". This is a recording convention, so there is no setting.',
  },
  {
    activity: 'peer_supervision',
    letter: 'D',
    quote:
      'Clinical and administrative supervision of the Peer Support Specialist which is covered as an indirect cost and part of the rate',
    criterion: 'Supervision of the peer is paid within the rate, not billed as a service.',
    message:
      'Supervision of the peer is already paid within WellCare of North Carolina’s rate, so it can’t be billed as peer support. Record it as supervision time, not as a service to the member.',
  },
  {
    activity: 'childcare',
    letter: 'F',
    quote:
      'Childcare services or services provided as a substitute for the parent or other beneficiaries responsible for providing care and supervision',
    criterion: 'Childcare, or standing in for a parent or carer, is not peer support.',
    message:
      'WellCare of North Carolina does not pay for childcare or for standing in for a parent or carer. If the contact was peer support, correct the activity; otherwise don’t bill it.',
  },
  {
    activity: 'academic_teaching',
    letter: 'G',
    quote: 'Services provided to teach academic subjects or as a substitute for education personnel',
    criterion: 'Teaching academic subjects is not peer support.',
    message:
      'WellCare of North Carolina does not pay for teaching academic subjects or standing in for school staff. If the contact was peer support, correct the activity; otherwise don’t bill it.',
  },
  {
    activity: 'room_and_board',
    letter: 'K',
    quote: 'Payment for room and board',
    criterion: 'Room and board are not paid as peer support.',
    message:
      'WellCare of North Carolina does not pay for room and board. Remove this from the claim; bill only peer support time with the member.',
  },
];

function notCoveredRule(entry: (typeof NOT_COVERED)[number]): RuleInput {
  return {
    id: `nc-wellcare.not_covered.${entry.activity}`,
    version: '1',
    effectiveFrom: SINCE,
    severity: 'error',
    criterion: entry.criterion,
    when: { fact: 'service.activity', op: 'eq', value: entry.activity },
    require: { fact: 'service.activity', op: 'ne', value: entry.activity },
    message: entry.message,
    path: ['service', 'activity'],
    citation: policy(`Policy/Criteria II.${entry.letter}`, entry.quote),
    ...(entry.choice === undefined ? {} : { choice: entry.choice }),
  };
}

/** A member under 21 (the EPSDT age, setting `epsdtUnderAge`) with an EPSDT justification recorded. */
const EPSDT_JUSTIFIED = {
  all: [
    { fact: 'member.ageYears', op: 'lt', valueFact: 'settings.epsdtUnderAge' },
    { fact: 'service.epsdtJustification', op: 'present' },
  ],
} as const;

const ADULT: Citation = policy('Description', 'directly to a Medicaid-eligible adult beneficiary');

/** A member under the adult age (setting `adultAge`), whom the policy covers only through EPSDT. */
const MINOR = { fact: 'member.ageYears', op: 'lt', valueFact: 'settings.adultAge' } as const;

const EPSDT_PRIOR_APPROVAL: Citation = policy(
  'North Carolina Guidance, EPSDT and Prior Approval Requirements, 1',
  'If the service, product, or procedure requires prior approval, the fact that the beneficiary is under 21 years of age does NOT eliminate the requirement for prior approval.',
);

const NEED_AREAS: Citation = policy(
  'Policy/Criteria I.D',
  'The beneficiary has documented identified needs, in at least ONE or more of the following areas (related to diagnosis)',
);

const CONSENT: Citation = policy(
  'V. Telephonic-Specific Criteria, G',
  'Providers shall obtain and document verbal or written consent. In extenuating circumstances when consent is unable to be obtained, this should be documented',
);

export const ncWellcare: PackDefinition = {
  id: 'nc-wellcare',
  name: 'WellCare of North Carolina',
  version: '2026.1',
  sources: [POLICY],
  description:
    'WellCare of North Carolina (NC Medicaid managed care), policy WNC.CP.231: H0038 for individual and H0038 HQ for group peer support (1 unit = 15 minutes), billed on the professional claim (837P). Video adds GT and telephone adds KX, for individual services only. 24 unmanaged units once per state fiscal year (a new episode of care does not renew them unless a setting says so), then prior authorization (for members under 21 too). For adults: a member under 18 needs an EPSDT justification and prior approval. The peer has self-identified as in recovery. Coverage needs a mental health or substance use diagnosis (ASAM Level 1 for substance use), a comprehensive clinical assessment by a licensed clinician and a service order for medical necessity (ordering clinician and credential) first, an intervention in the Person-Centered Plan and eligibility verified on the day. The policy gives no rate: lines are priced at $0.00 until billing staff enter the contracted rate. The state fiscal year (and the episode of care, when set) is counted by the caller in history.episodeFiscalYearUnits.',
  claimType: 'professional',
  settings: {
    sameDayLines: {
      value: 'separate',
      description:
        'Two notes of a claim with the same code, modifiers and date: "separate" sends one line per note, each with its own units and line control number; "combine" sends one line per code, modifiers and day, its units counted from the day’s total direct minutes. Choice: the policy says only "1 unit = 15 minutes" and that providers "shall report the appropriate code(s) used which determines the billing unit(s)" — nothing on summing a day’s minutes (NCTracks billing guidance was not read). Separate keeps each note’s units as its claim preview showed them.',
      choice: true,
      citation: policy(
        'Claims-Related Information, e',
        'Billing Units - Provider(s) shall report the appropriate code(s) used which determines the billing unit(s).',
      ),
    },
    servicesNotRendered: {
      value: 'signed_note_attests',
      description:
        'How §II.E "covered services that have not been rendered" is met: by billing only signed notes (nc-wellcare.note.signed), with no edit of its own. Choice: a signed note is the peer’s record that the service it documents was rendered, and nothing in a claim preview can show otherwise, so the engine does not invent a check; a service that did not happen is not documented as one.',
      choice: true,
      citation: policy('Policy/Criteria II.E', 'Covered services that have not been rendered'),
    },
    unmanagedUnitsRenewPerEpisode: {
      value: false,
      description:
        'Whether a new episode of care in the same state fiscal year brings a new allotment of unmanaged units. Off (the default): the units come once per member per state fiscal year, counted from the start of the year whatever the episode, so a second episode in the year does not renew them. On: the count restarts at each episode of care as well. Choice: the policy says "once per episode of care per state fiscal year"; "once" is read strictly (rules-catalog.md, December review), and the per-episode reading is this setting.',
      choice: true,
      citation: UNMANAGED_LIMIT,
    },
    adultAge: {
      value: 18,
      description:
        'Age from which a member is an adult. Peer support is a service for adults; a younger member is covered only under EPSDT, with the medical necessity documented and prior approval. Choice: the policy says "adult" without an age; 18 is the age of majority in North Carolina.',
      choice: true,
      citation: ADULT,
    },
    unmanagedUnitsPerEpisodeFiscalYear: {
      value: 24,
      description:
        'Units of peer support (individual and group) per state fiscal year before prior authorization is needed (per episode of care too when unmanagedUnitsRenewPerEpisode is on).',
      citation: UNMANAGED_LIMIT,
    },
    stateFiscalYearStartMonth: {
      value: 7,
      description:
        'Month the state fiscal year starts (July 1 – June 30). The engine does not recount history: the caller restarts history.episodeFiscalYearUnits on the 1st of this month (and at a new episode of care when unmanagedUnitsRenewPerEpisode is on). Choice: the policy does not define the state fiscal year; research gives July 1 – June 30 (unverified).',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(g) North Carolina — Clinical Coverage Policy 8G',
        quote: 'State fiscal year = July 1 – June 30',
      },
    },
    epsdtUnderAge: {
      value: 21,
      description:
        'Members younger than this may exceed policy limits under EPSDT when medical necessity is documented; prior approval is still required.',
      citation: policy(
        'North Carolina Guidance, EPSDT Special Provision',
        'Exception to Policy Limitations for a Medicaid Beneficiary under 21 Years of Age',
      ),
    },
    allowedCertifications: {
      value: ['north_carolina_peer'],
      description:
        'Certifications that may render peer support for this payer (NC Certified Peer Support Specialist).',
      citation: policy(
        'Description',
        'PSS services are directly provided by Certified Peer Support Specialists (CPSS)',
      ),
    },
    needAreas: {
      value: [
        'symptom_management',
        'self_advocacy',
        'work_preparation',
        'recovery_responsibility',
        'daily_living_skills',
      ],
      description:
        'The areas of need of §I.D, in its order: 1 skills to manage symptoms and use community resources, 2 self-advocacy, 3 preparing for work, 4 peer modeling for responsibility for one’s own recovery, 5 daily living skills. An approved plan of care records at least one of them.',
      citation: NEED_AREAS,
    },
    telehealthPlacesOfServiceNotUsed: {
      value: ['02', '10'],
      description:
        'Telehealth places of service North Carolina does not use: telehealth and telephone claims keep the usual place of service, and a claim with one of these is held. Choice: WellCare’s telehealth policy (WNC.CP.193) is not among the sources; research quotes NC Medicaid policies (third-party summary), read strictly (rules-catalog.md, December review). Empty the list to accept them.',
      choice: true,
      citation: {
        document: RESEARCH,
        section: '(g) North Carolina — Clinical Coverage Policy 8G',
        quote:
          "Telehealth and telephonic claims should be filed with the provider's usual place of service code(s)",
      },
    },
  },
  procedures: [
    {
      id: 'nc-wellcare.procedure.group',
      when: { fact: 'service.isGroup', op: 'isTrue' },
      code: 'H0038',
      modifiers: ['HQ'],
      name: 'Self-Help/Peer Services, per 15 minutes, group services',
      citation: policy(
        'Coding Implications, HCPCS codes',
        'H0038 HQ Self-Help/Peer Services, per 15 minutes, group services No No 1 unit = 15 minutes',
      ),
    },
    {
      id: 'nc-wellcare.procedure.individual',
      when: { fact: 'service.type', op: 'in', value: ['engagement', 'therapeutic_activity'] },
      code: 'H0038',
      name: 'Self-Help/Peer Services, per 15 minutes',
      citation: policy(
        'Coding Implications, HCPCS codes',
        'H0038 Self-Help/Peer Services, per 15 minutes Yes Yes 1 unit = 15 minutes',
      ),
    },
  ],
  modifierRules: [
    {
      modifier: 'GT',
      when: { fact: 'service.modality', op: 'eq', value: 'video' },
      reason: 'Service given by interactive audio-visual communication (video).',
      citation: policy(
        'Coding Implications, Telehealth Claims',
        'Modifier GT must be appended to the CPT or HCPCS code to indicate that a service has been provided via interactive audio-visual communication.',
      ),
    },
    {
      modifier: 'KX',
      when: { fact: 'service.modality', op: 'eq', value: 'audio_only' },
      reason: 'Service given by telephone (audio-only).',
      citation: policy(
        'Coding Implications, Telephonic Claims',
        'Modifier KX must be appended to the CPT or HCPCS code to indicate that a service has been provided via telephonic, audio-only communication.',
      ),
    },
  ],
  // Choice: pricing modifier first, telehealth modifiers last (research (h), unverified for NC).
  modifierOrder: ['HQ', 'GT', 'KX'],
  limits: [
    {
      id: 'unmanaged_units',
      label: 'Unmanaged units this state fiscal year',
      period: 'episode_state_fiscal_year',
      unit: 'units',
      maxSetting: 'unmanagedUnitsPerEpisodeFiscalYear',
      citation: UNMANAGED_LIMIT,
    },
  ],
  rules: [
    ...commonRules('nc-wellcare'),
    {
      id: 'nc-wellcare.staff.nc_certified',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The peer is a North Carolina Certified Peer Support Specialist.',
      require: { fact: 'staff.certificationType', op: 'in', valueFact: 'settings.allowedCertifications' },
      message:
        'WellCare of North Carolina peer support must be given by a North Carolina Certified Peer Support Specialist; the certification on file for you is {staff.certificationType}. Ask your supervisor to record your NC certification.',
      path: ['staff', 'certification', 'type'],
      citation: {
        document: RESEARCH,
        section: '(g) North Carolina — Clinical Coverage Policy 8G',
        quote: 'CPSS must be certified by the NC Peer Support Specialist Certification Program',
      },
    },
    {
      id: 'nc-wellcare.staff.in_recovery',
      version: '1',
      effectiveFrom: SINCE,
      scope: 'staff',
      severity: 'error',
      criterion:
        'The peer has self-identified as a person in recovery from a mental health or substance use disorder.',
      require: { fact: 'staff.livedExperience', op: 'isTrue' },
      message:
        'WellCare of North Carolina peer support is given by a peer who has self-identified as a person in recovery from a mental health or substance use disorder. Your profile does not record this: if it applies to you, ask your supervisor to record your lived experience on your staff profile.',
      path: ['staff', 'livedExperience'],
      citation: policy(
        'Description',
        'Certified Peer Support Specialists (CPSS) who have self-identified as a person(s) in recovery from a mental health or substance use disorder',
      ),
    },
    {
      id: 'nc-wellcare.telehealth.group_not_eligible',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Group peer support (H0038 HQ) is given in person: it is neither telehealth- nor telephone-eligible.',
      when: { fact: 'service.isGroup', op: 'isTrue' },
      require: { fact: 'service.modality', op: 'eq', value: 'in_person' },
      message:
        'WellCare of North Carolina does not pay for group peer support by video or telephone. Bill only in-person groups; if you met one member on their own, record it as an individual service.',
      path: ['service', 'modality'],
      citation: policy(
        'Coding Implications, HCPCS codes',
        'H0038 HQ Self-Help/Peer Services, per 15 minutes, group services No No',
      ),
    },
    {
      id: 'nc-wellcare.modifiers.telehealth_match',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'GT only on video services and KX only on audio-only services.',
      require: {
        any: [
          {
            all: [
              { fact: 'service.modality', op: 'eq', value: 'video' },
              { fact: 'line.modifiers', op: 'excludes', value: 'KX' },
            ],
          },
          {
            all: [
              { fact: 'service.modality', op: 'eq', value: 'audio_only' },
              { fact: 'line.modifiers', op: 'excludes', value: 'GT' },
            ],
          },
          {
            all: [
              { fact: 'service.modality', op: 'eq', value: 'in_person' },
              { fact: 'line.modifiers', op: 'includesNone', value: ['GT', 'KX'] },
            ],
          },
        ],
      },
      message:
        'GT marks a video service and KX a telephone (audio-only) service; this line has {line.modifiers}. Remove the modifier you added that doesn’t match how the service was given — the right one is added for you.',
      path: ['service', 'modifiers'],
      citation: policy(
        'Coding Implications, Telehealth Claims',
        'This modifier is not appropriate for services provided via telephonic, audio-only communication.',
      ),
    },
    {
      id: 'nc-wellcare.telehealth.usual_pos',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'Telehealth and telephone claims keep the provider’s usual place of service (not 02 or 10).',
      when: {
        all: [
          { fact: 'service.telehealth', op: 'isTrue' },
          { fact: 'service.placeOfService', op: 'present' },
        ],
      },
      require: {
        fact: 'service.placeOfService',
        op: 'notIn',
        valueFact: 'settings.telehealthPlacesOfServiceNotUsed',
      },
      message:
        'North Carolina video and telephone claims use your usual place of service, not the telehealth code {service.placeOfService}. Choose where the service would normally happen, e.g. 11 (office).',
      path: ['service', 'placeOfService'],
      citation: {
        document: RESEARCH,
        section: '(g) North Carolina — Clinical Coverage Policy 8G',
        quote:
          "Telehealth and telephonic claims should be filed with the provider's usual place of service code(s)",
      },
      choice:
        'An error (rules-catalog.md, December review: "the claim uses it (not 02/10 with a warning)"), though the source is a third-party summary of NC Medicaid policy and WellCare’s telehealth policy WNC.CP.193 is not among the sources. The codes are the setting telehealthPlacesOfServiceNotUsed; empty it to accept 02 and 10.',
    },
    {
      id: 'nc-wellcare.telephonic.consent',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A telephone (audio-only) service needs the member’s verbal or written consent on file, or the note documents the extenuating circumstances in which it could not be obtained.',
      when: { fact: 'service.modality', op: 'eq', value: 'audio_only' },
      require: {
        any: [
          { fact: 'member.audioOnlyConsentOnFile', op: 'isTrue' },
          { fact: 'service.consentCircumstances', op: 'present' },
        ],
      },
      message:
        'For a telephone (audio-only) service, record the member’s verbal or written consent to telephone services; none dated on or before {service.dateOfService} is on file. If in extenuating circumstances consent could not be obtained, write in the note why.',
      path: ['member', 'consents', 'audioOnly'],
      citation: CONSENT,
      choice:
        'The documented extenuating circumstances satisfy the rule (rules-catalog.md, December review), and nc-wellcare.telephonic.consent_circumstances warns so billing staff see the claim went without consent on file.',
    },
    {
      id: 'nc-wellcare.telephonic.consent_circumstances',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'warning',
      criterion:
        'A telephone service billed on documented extenuating circumstances, with no consent on file, is flagged for review.',
      when: {
        all: [
          { fact: 'service.modality', op: 'eq', value: 'audio_only' },
          { fact: 'service.consentCircumstances', op: 'present' },
        ],
      },
      require: { fact: 'member.audioOnlyConsentOnFile', op: 'isTrue' },
      message:
        'No consent to telephone services is on file for {service.dateOfService}; this note documents why it could not be obtained ({service.consentCircumstances}). Record the member’s consent as soon as they can give it.',
      path: ['service', 'consentCircumstances'],
      citation: CONSENT,
    },
    {
      id: 'nc-wellcare.telephonic.identity',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Before a telephone (audio-only) service, the member’s identity is verified with two identifiers.',
      when: { fact: 'service.modality', op: 'eq', value: 'audio_only' },
      require: { fact: 'service.identityVerified', op: 'isTrue' },
      message:
        'Before a telephone (audio-only) service, check the member’s identity with two identifiers (for example name and date of birth), then tick “identity verified” in the note.',
      path: ['service', 'identityVerified'],
      citation: policy(
        'V. Telephonic-Specific Criteria, H',
        "Providers shall verify the beneficiary's identity using two points of identification before initiating a telephonic, audio-only encounter",
      ),
    },
    {
      id: 'nc-wellcare.limit.unmanaged_units',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Up to 24 unmanaged units once per state fiscal year (per episode of care too when unmanagedUnitsRenewPerEpisode is on); beyond them, a prior authorization covering the date and the units. For a member under 21 with an EPSDT justification this edit is a warning, but nc-wellcare.epsdt.prior_approval still requires the authorization.',
      when: { fact: 'line.code', op: 'present' },
      require: {
        any: [
          { fact: 'limit.unmanaged_units.over', op: 'isFalse' },
          { fact: 'authorization.covers', op: 'isTrue' },
        ],
      },
      warningWhen: EPSDT_JUSTIFIED,
      message:
        'North Carolina allows {limit.unmanaged_units.max} units each state fiscal year without prior authorization; this member has used {limit.unmanaged_units.usedBefore} and this note adds {service.units}. No authorization on file covers {service.dateOfService} with enough units (authorization: {authorization.number}, {authorization.remainingUnits} units left). Ask billing staff to request authorization.',
      path: ['authorizations'],
      citation: UNMANAGED_LIMIT,
      choice:
        'EPSDT: this is the only limit in the policy, so it is the edit that drops to a warning for a member under 21 with an EPSDT justification. Because the limit is also the prior-approval threshold and EPSDT "does NOT eliminate the requirement for prior approval", nc-wellcare.epsdt.prior_approval keeps such a service blocked until an authorization covers it: EPSDT changes the message, not whether the line can be billed. The coverage criteria are not downgraded.',
    },
    {
      id: 'nc-wellcare.epsdt.prior_approval',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Under 21, EPSDT lets limits be exceeded when medically necessary, but a service past the unmanaged units still needs prior approval.',
      when: {
        all: [
          { fact: 'line.code', op: 'present' },
          { fact: 'limit.unmanaged_units.over', op: 'isTrue' },
          EPSDT_JUSTIFIED,
        ],
      },
      require: { fact: 'authorization.covers', op: 'isTrue' },
      message:
        'EPSDT lets this member (age {member.ageYears}) go past the {limit.unmanaged_units.max} unmanaged units when medically necessary, but prior approval is still required: no authorization on file covers {service.dateOfService} with {service.units} units. Ask billing staff to request authorization and include the EPSDT justification.',
      path: ['authorizations'],
      citation: EPSDT_PRIOR_APPROVAL,
    },
    {
      id: 'nc-wellcare.coverage.diagnosis',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The member has a mental health or substance use diagnosis; a sole intellectual/developmental disability diagnosis does not qualify.',
      require: {
        fact: 'member.diagnosisCategories',
        op: 'includesAny',
        value: ['mental_health', 'substance_use'],
      },
      message:
        'WellCare of North Carolina covers peer support only for a member with a mental health or substance use diagnosis; an intellectual or developmental disability alone does not qualify. Diagnoses on file: {member.diagnosisCategories}. Ask the clinician to record the member’s diagnosis.',
      path: ['member', 'diagnoses'],
      citation: policy(
        'Policy/Criteria I.A',
        'The beneficiary has a mental health or substance use diagnosis … other than a sole diagnosis of intellectual and developmental disability',
      ),
    },
    {
      id: 'nc-wellcare.coverage.asam_level1',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A member with a substance use diagnosis meets ASAM Level 1 criteria: the ASAM level recorded is Level 1 (1.0), not another level.',
      when: { fact: 'member.diagnosisCategories', op: 'includes', value: 'substance_use' },
      require: {
        any: [
          { fact: 'member.asamLevel', op: 'eq', value: '1.0' },
          {
            all: [
              { fact: 'member.asamLevel', op: 'absent' },
              { fact: 'member.asamLevel1Met', op: 'isTrue' },
            ],
          },
        ],
      },
      message:
        'This member has a substance use diagnosis, so WellCare of North Carolina covers peer support only when ASAM Level 1 criteria are met; the ASAM level on file is {member.asamLevel}. If the member meets Level 1, ask the clinician to record ASAM level 1.0; otherwise peer support is not billable to WellCare for this member.',
      path: ['member', 'asamLevel1Met'],
      citation: policy(
        'Policy/Criteria I.B',
        'Beneficiary with a substance use diagnosis meets the American Society of Addiction Medicine (ASAM) Level 1 criteria',
      ),
      choice:
        'Strict: a recorded level other than 1.0 (0.5 early intervention, or 2.1 and above) is an error naming it (rules-catalog.md, December review). A caller that sends no level is judged by member.asamLevel1Met alone.',
    },
    {
      id: 'nc-wellcare.coverage.adult',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Peer support is for adults: a member under 18 (setting adultAge) is covered only under EPSDT, with the medical necessity documented.',
      when: MINOR,
      require: { fact: 'service.epsdtJustification', op: 'present' },
      message:
        'WellCare of North Carolina peer support is for adults, and this member is {member.ageYears}. It can be billed only under EPSDT: write in the note why the service is medically necessary to correct or improve the member’s condition, and ask billing staff for prior approval.',
      path: ['service', 'epsdtJustification'],
      citation: ADULT,
    },
    {
      id: 'nc-wellcare.epsdt.minor_prior_approval',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A member under 18 served under EPSDT still needs prior approval covering the date and the units, from the first unit.',
      when: {
        all: [
          { fact: 'line.code', op: 'present' },
          MINOR,
          { fact: 'service.epsdtJustification', op: 'present' },
        ],
      },
      require: { fact: 'authorization.covers', op: 'isTrue' },
      message:
        'This member is {member.ageYears}, so WellCare of North Carolina pays for peer support only under EPSDT — and prior approval is still required: no authorization on file covers {service.dateOfService} with {service.units} units. Ask billing staff to request prior approval and include the EPSDT justification.',
      path: ['authorizations'],
      citation: EPSDT_PRIOR_APPROVAL,
      choice:
        'The service is outside the policy for a minor (it is for adults), so EPSDT is what covers it, and EPSDT "does NOT eliminate the requirement for prior approval": prior approval is needed from the first unit, not only past the unmanaged units.',
    },
    {
      id: 'nc-wellcare.coverage.assessment',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A comprehensive clinical assessment by a licensed clinician is completed on or before the date of service.',
      require: { fact: 'member.assessmentBeforeService', op: 'isTrue' },
      message:
        'WellCare of North Carolina needs a comprehensive clinical assessment by a licensed clinician before peer support; none dated on or before {service.dateOfService} is on file. Ask the clinician to complete it or record its date.',
      path: ['member', 'comprehensiveAssessmentOn'],
      citation: policy(
        'II. Admission Criteria, A',
        'A comprehensive clinical assessment (CCA), that demonstrates medical necessity must be completed by a licensed clinician prior to the provision of this service.',
      ),
    },
    {
      id: 'nc-wellcare.coverage.assessment_clinician',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The comprehensive clinical assessment records the licensed clinician who completed it (name and licence).',
      when: { fact: 'member.assessmentBeforeService', op: 'isTrue' },
      require: { fact: 'member.assessmentClinician', op: 'present' },
      message:
        'WellCare of North Carolina needs the comprehensive clinical assessment to be done by a licensed clinician, and the member’s episode of care does not say who did it. Record the clinician and their licence (for example “Dana Reyes, LCSW”) under “Assessed by” on the member’s episode of care.',
      path: ['member', 'comprehensiveAssessmentBy'],
      citation: policy(
        'II. Admission Criteria, A',
        'A comprehensive clinical assessment (CCA), that demonstrates medical necessity must be completed by a licensed clinician prior to the provision of this service.',
      ),
      choice:
        'The licence is read from the clinician as recorded (name and credential in one field); Peerline does not check it against a licensing board.',
    },
    {
      id: 'nc-wellcare.coverage.service_order',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A service order for medical necessity, dated on or before the date of service, names the ordering clinician and their credential.',
      require: { fact: 'member.serviceOrderMissing', op: 'subsetOf', value: [] },
      message:
        'WellCare of North Carolina needs a service order for medical necessity before peer support. Missing on the member’s episode of care: {member.serviceOrderMissing}. Ask the ordering clinician for the order and record its date, the clinician and their credential on the member’s episode of care.',
      path: ['member', 'serviceOrder'],
      citation: policy(
        'I. Prior Approval, B. Initial Authorization, 2',
        'To request an initial authorization, the CCA, service order for medical necessity, and PCP must be submitted for review to WellCare of North Carolina.',
      ),
      choice:
        'The policy names the service order among what an initial authorization request carries; read strictly (rules-catalog.md, December review: "recorded on the member and checked"), every service needs one dated on or before it, within the unmanaged units too. It is recorded on the episode of care open on the date of service, like the assessment.',
    },
    {
      id: 'nc-wellcare.care_plan.need_areas',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The member’s approved Person-Centered Plan records which §I.D areas of need it addresses (at least one).',
      when: { fact: 'member.carePlanApproved', op: 'isTrue' },
      require: { fact: 'member.carePlanNeedAreas', op: 'includesAny', valueFact: 'settings.needAreas' },
      message:
        'Record which needs in WellCare’s §I.D the plan addresses: the member’s approved Person-Centered Plan names none. A supervisor or clinician ticks at least one area of need (for example self-advocacy or daily living skills) in a new version of the plan and approves it.',
      path: ['member', 'carePlan', 'needAreas'],
      citation: NEED_AREAS,
      choice:
        'Judged on the approved plan in effect on the date of service (a draft is not yet the plan). The policy says the needs are "documented"; Peerline records them on the plan of care, where WellCare reads the other coverage criteria.',
    },
    {
      id: 'nc-wellcare.coverage.in_plan',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The intervention is identified in the member’s Person-Centered Plan.',
      require: { fact: 'service.interventionInPlan', op: 'isTrue' },
      message:
        'WellCare of North Carolina pays only for interventions in the member’s Person-Centered Plan. Link this activity to the plan, or update the plan with the member first.',
      path: ['service', 'interventionInPlan'],
      citation: policy(
        'Policy/Criteria II.H',
        "Interventions not identified in the beneficiary's Person-Centered Plan",
      ),
    },
    ...NOT_COVERED.map(notCoveredRule),
    {
      id: 'nc-wellcare.not_covered.family_unrelated',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Work with the member’s family or others addresses the member’s own needs (how is written in the note).',
      when: {
        any: [
          { fact: 'service.recipient', op: 'eq', value: 'family_without_member' },
          { fact: 'service.activity', op: 'eq', value: 'family_education' },
        ],
      },
      require: { fact: 'service.familyRelationToTreatment', op: 'present' },
      message:
        'WellCare of North Carolina pays for work with family only when it addresses the member’s own needs. Write how this work with the family relates to the member’s treatment and Person-Centered Plan.',
      path: ['service', 'familyRelationToTreatment'],
      citation: policy(
        'Policy/Criteria II.J',
        "Services provided to children, spouse, parents or siblings of the beneficiary under treatment or others in the beneficiary's life to address problems not directly related to the beneficiary's needs",
      ),
      choice:
        'Family work is judged by the written relation to the member’s treatment (service.familyRelationToTreatment), asked for whenever the member is absent or the activity is family education.',
    },
    {
      id: 'nc-wellcare.eligibility.verified',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'The member’s Medicaid eligibility is verified on the date of service.',
      require: { fact: 'member.eligibilityVerifiedOnDate', op: 'isTrue' },
      message:
        'Check the member’s Medicaid eligibility for {service.dateOfService} and record the check; North Carolina requires it each time a service is given.',
      path: ['member', 'eligibilityVerifiedOn'],
      citation: policy(
        'North Carolina Guidance, Eligibility Requirements, b',
        'Provider(s) shall verify each Medicaid beneficiary’s eligibility each time a service is rendered.',
      ),
    },
  ],
};
