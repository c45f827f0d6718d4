/**
 * @module engine/packs/ca-la-sapc
 * Los Angeles County DPH Substance Abuse Prevention and Control (SAPC), Drug Medi-Cal Organized Delivery
 * System: the "Peer Support Services Guide" (seed 004), layered on the statewide `ca-dhcs` pack. SAPC bills
 * peer support at ASAM 1.0 outpatient (U7) as H0025 $10.37 and H0038 $46.67, and contingency management as
 * H0050 HF $46.67; services follow an approved Plan of Care (the first peer note, approved by a Behavioral
 * Health Professional or a Peer Support Specialist Supervisor); notes follow PIN (Plan of Care, Interaction,
 * Next steps) within three business days; and peer supervisors take the DHCS supervisory training within 60
 * days of starting to supervise.
 */
import type { PackDefinition } from '../rules/pack.js';

const GUIDE = '004_5683a26e336a0ac2.txt';
/** The guide prices services from the SAPC Rates and Standards Matrix for Fiscal Year 2023-2024. */
const SINCE = '2023-07-01';

const RATES_SECTION = 'Examples of Peer Support Services — SAPC Rates Standards Matrix (ASAM 1.0)';

const guideCitation = (
  section: string,
  quote: string,
): { document: string; section: string; quote: string } => ({
  document: GUIDE,
  section,
  quote,
});

const outpatient = {
  fact: 'program.type',
  op: 'in',
  valueFact: 'settings.outpatientProgramTypes',
} as const;

export const caLaSapc: PackDefinition = {
  id: 'ca-la-sapc',
  name: 'Los Angeles County (DPH-SAPC)',
  version: '2026.1',
  extends: 'ca-dhcs',
  sources: [GUIDE],
  description:
    'Los Angeles County SAPC (DMC-ODS) peer support at ASAM 1.0 outpatient: H0025 $10.37, H0038 $46.67 and contingency management H0050 HF $46.67 per 15 minutes, each with U7; services follow an approved Plan of Care; PIN notes within three business days; peer supervisors trained within 60 days. Everything else as statewide Medi-Cal.',
  settings: {
    outpatientProgramTypes: {
      value: ['dmc_ods_outpatient'],
      description:
        'Program types billed at SAPC’s ASAM 1.0 outpatient codes and rates, each line with U7. Choice: the guide’s rate table gives only ASAM 1.0 (U7); peer services in other levels of care (e.g. residential) are priced in the SAPC Rates and Standards Matrix, which Peerline does not hold, so they get no code here.',
      choice: true,
      citation: guideCitation(RATES_SECTION, '*U7 is the modifier used to identify outpatient services'),
    },
    allowedModifiers: {
      value: ['U7', 'HF', 'HK', 'SC'],
      description:
        'Modifiers a line may carry: SAPC’s U7 (outpatient) and HF (contingency management), and DHCS’s HK and SC. Choice: the guide lists only U7 and HF; HK and SC stay allowed because the statewide table covers DMC-ODS too.',
      choice: true,
      citation: guideCitation(RATES_SECTION, 'ASAM 1.0 *(U7, HF)'),
    },
    noteDueBusinessDays: {
      value: 3,
      description:
        'Business days after the service (day 0) by which the progress note is due; later notes need a reason.',
      citation: guideCitation(
        'Documentation',
        'additional Peer Support Services must be documented in a progress note within three (3) business days',
      ),
    },
    carePlanApproverRoles: {
      value: ['behavioral_health_professional', 'peer_support_supervisor'],
      description: 'Who may approve and sign the Plan of Care.',
      citation: guideCitation(
        'Documentation',
        'approved/signed by a Behavioral Health Professional or a Peer Support Specialist Supervisor',
      ),
    },
    supervisorTrainingDays: {
      value: 60,
      description:
        'Days after starting to supervise certified peers by which a supervisor completes the DHCS-approved supervisory training.',
      citation: guideCitation(
        'Scope of Practice',
        'within sixty (60) days of beginning to supervise certified Medi-Cal Peer Support Specialists',
      ),
    },
    acceptLateSupervisorTraining: {
      value: true,
      description:
        'Whether a supervisor who finished the training after the 60 days is compliant from then on. Choice: the guide sets the deadline but not what follows a missed one; a completed training is treated as meeting it, so the problem clears once the training is recorded.',
      choice: true,
    },
  },
  procedures: [
    {
      id: 'ca-la-sapc.procedure.contingency_management',
      when: { all: [outpatient, { fact: 'service.type', op: 'eq', value: 'contingency_management' }] },
      code: 'H0050',
      modifiers: ['HF'],
      name: 'Alcohol and/or drug services, brief intervention (contingency management)',
      citation: guideCitation(
        'Scope of Practice',
        'certified Peer Support Specialists can serve as a Contingency Management Coordinator … H0050 HF* Alcohol and/or drug services, brief intervention',
      ),
    },
    {
      id: 'ca-la-sapc.procedure.group',
      when: { all: [outpatient, { fact: 'service.type', op: 'eq', value: 'skill_building_group' }] },
      code: 'H0025',
      name: 'Behavioral Health Prevention Education Services',
      citation: guideCitation(
        'Scope of Practice',
        'Educational Skill Building Groups … H0025 Behavioral Health Prevention Education Services',
      ),
    },
    {
      id: 'ca-la-sapc.procedure.individual',
      when: {
        all: [outpatient, { fact: 'service.type', op: 'in', value: ['engagement', 'therapeutic_activity'] }],
      },
      code: 'H0038',
      name: 'Self-help/Peer Services',
      citation: guideCitation(
        'Scope of Practice',
        'Engagement … Therapeutic Activity … H0038 Self-help/Peer Services',
      ),
    },
  ],
  modifierRules: [
    {
      modifier: 'U7',
      when: outpatient,
      reason: 'Outpatient service (ASAM 1.0).',
      citation: guideCitation(RATES_SECTION, '*U7 is the modifier used to identify outpatient services'),
    },
  ],
  // The guide lists "(U7, HF)" in that order; DHCS's HK and SC follow. [choice]
  modifierOrder: ['U7', 'HF', 'HK', 'SC'],
  rates: [
    {
      code: 'H0038',
      modifiers: ['U7'],
      unitRateCents: 4667,
      effectiveFrom: SINCE,
      citation: guideCitation(RATES_SECTION, 'Self-help/peer services, per 15 minutes H0038 $ 46.67 96'),
      note: 'SAPC Rates Standards Matrix FY 2023-2024, kept in force until a newer matrix is loaded.',
    },
    {
      code: 'H0025',
      modifiers: ['U7'],
      unitRateCents: 1037,
      effectiveFrom: SINCE,
      citation: guideCitation(
        RATES_SECTION,
        'Behavioral Health Prevention Education service, delivery of service with target population to affect knowledge, attitude, and/or behavior. H0025 $ 10.37 96',
      ),
      note: 'SAPC Rates Standards Matrix FY 2023-2024 (= H0038 ÷ 4.5), kept in force until a newer matrix is loaded.',
    },
    {
      code: 'H0050',
      modifiers: ['U7', 'HF'],
      unitRateCents: 4667,
      effectiveFrom: SINCE,
      citation: guideCitation(
        RATES_SECTION,
        'Alcohol and/or Drug Services, brief intervention, 15 minutes (Code must be used to submit claims for Contingency Management Services) H0050 $ 46.67 96',
      ),
      note: 'SAPC Rates Standards Matrix FY 2023-2024, kept in force until a newer matrix is loaded.',
    },
  ],
  rules: [
    {
      id: 'ca-la-sapc.procedure.covered',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The service maps to one of SAPC’s ASAM 1.0 outpatient codes: H0025 (groups), H0038 (engagement, therapeutic activity) or H0050 HF (contingency management).',
      require: { fact: 'line.code', op: 'present' },
      message:
        'Peerline holds SAPC’s peer support codes and rates only for ASAM 1.0 outpatient services (U7), so this {service.type} service in a {program.type} program has no code here. Check the program on this note, or ask billing staff to bill it from the SAPC Rates and Standards Matrix for that level of care.',
      path: ['program', 'type'],
      citation: guideCitation(
        'Scope of Practice',
        'their service billing codes in relation to level of care please see the … SAPC Rates Standards Matrix Fiscal Year 2023-2024',
      ),
      choice:
        'Only the ASAM 1.0 outpatient codes of the guide’s table are encoded; the setting outpatientProgramTypes lists the program types they apply to.',
    },
    {
      id: 'ca-la-sapc.discipline.peer',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Only Certified Medi-Cal Peer Support Specialists (including CPS-F) render peer support and contingency management under these codes.',
      require: { fact: 'staff.certificationType', op: 'in', valueFact: 'settings.allowedCertifications' },
      message:
        'Peer support and contingency management services in Los Angeles County need a Certified Medi-Cal Peer Support Specialist; your certification on file is {staff.certificationType}. Ask your supervisor how this service should be claimed.',
      path: ['staff', 'certification', 'type'],
      citation: guideCitation(
        'Scope of Practice',
        'These services can only be provided by Certified Medi-Cal Peer Support Specialists.',
      ),
    },
    {
      id: 'ca-la-sapc.modifiers.allowed',
      version: '2',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Lines carry only the modifiers U7 and HF (SAPC) and HK and SC (DHCS), besides the telehealth modifier (95 or 93) DHCS adds.',
      // The peer's own modifiers are checked: those the packs add (U7, HF, HK, 95, 93) follow from the service.
      require: { fact: 'service.userModifiers', op: 'subsetOf', valueFact: 'settings.allowedModifiers' },
      message:
        'Los Angeles County allows only the modifiers {settings.allowedModifiers} on peer support; you added {service.userModifiers}. Remove the others — a telehealth modifier is added for you from how the service was given.',
      path: ['service', 'modifiers'],
      citation: guideCitation(RATES_SECTION, 'ASAM 1.0 *(U7, HF)'),
    },
    {
      id: 'ca-la-sapc.modifiers.hf_contingency_management',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion: 'HF marks contingency management services only.',
      when: { fact: 'line.modifiers', op: 'includes', value: 'HF' },
      require: { fact: 'service.type', op: 'eq', value: 'contingency_management' },
      message:
        'HF marks contingency management services, but this service is recorded as {service.type}. Remove HF, or change the service type to contingency management if that is what you provided.',
      path: ['service', 'modifiers'],
      citation: guideCitation(
        'Scope of Practice',
        '*HF is the modifier used to identify when Contingency Management Services were provided',
      ),
    },
    {
      id: 'ca-la-sapc.care_plan.approved',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'Peer support services other than the Plan of Care note itself are based on a Plan of Care approved on or before the date of service.',
      when: { fact: 'service.documentsPlanOfCare', op: 'isFalse' },
      require: { fact: 'member.carePlanApproved', op: 'isTrue' },
      message:
        'There is no approved Plan of Care in effect for this member on {service.dateOfService}. Write the Plan of Care with the member first (it is the first peer note) and have it approved before billing other services.',
      path: ['member', 'carePlan'],
      citation: guideCitation(
        'Documentation',
        'Peer Support Services must be based on an approved, individualized Plan of Care.',
      ),
    },
    {
      id: 'ca-la-sapc.plan_of_care.first_note',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The Plan of Care note is the member’s first peer note: any other service is dated on or after the member’s first signed Plan of Care note.',
      // With no approved plan in effect, `care_plan.approved` already tells the peer to write the Plan of Care
      // first and have it approved; this rule adds the case it leaves: a plan approved (e.g. recorded outside a
      // note) with no Plan of Care note on or before the service. So a peer sees one problem, not two.
      when: {
        all: [
          { fact: 'service.documentsPlanOfCare', op: 'isFalse' },
          { fact: 'member.carePlanApproved', op: 'isTrue' },
        ],
      },
      require: { fact: 'member.firstPlanOfCareNoteOn', op: 'lte', valueFact: 'service.dateOfService' },
      message:
        'In Los Angeles County the Plan of Care is the first progress note for a member, and this member has no signed Plan of Care note on or before {service.dateOfService} (first Plan of Care note: {member.firstPlanOfCareNoteOn}). Write the Plan of Care note with the member and sign it first; services dated before it can’t be billed.',
      path: ['member', 'carePlan'],
      citation: guideCitation(
        'Documentation Examples of Peer Support Services — Plan of Care Examples',
        'This Plan of Care should be the first progress note entered for members receiving Peer Support Services.',
      ),
      choice:
        'Only signed Plan of Care notes count (a billing run knows only those), and one dated the same day as the service counts as before it (notes carry no order within a day).',
    },
    {
      id: 'ca-la-sapc.plan_of_care.approved',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The Plan of Care note is approved and signed by a Behavioral Health Professional or a Peer Support Specialist Supervisor before it is billed.',
      when: { fact: 'service.documentsPlanOfCare', op: 'isTrue' },
      require: { fact: 'member.carePlanApprovalRecorded', op: 'isTrue' },
      message:
        'This Plan of Care note is not approved yet. Ask a Behavioral Health Professional or your Peer Support Specialist Supervisor to review, approve and sign it; it can be billed once they have.',
      path: ['member', 'carePlan', 'approvedOn'],
      citation: guideCitation(
        'Documentation',
        'approved/signed by a Behavioral Health Professional or a Peer Support Specialist Supervisor',
      ),
      choice:
        'Approval may come after the date of service (within the SAPC Provider Manual time frames, not among our sources); the engine only requires that it is recorded.',
    },
    {
      id: 'ca-la-sapc.plan_of_care.content',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'A Plan of Care note says whether it is new or updated and holds long-term goals in the member’s words, S.M.A.R.T. short-term goals, and whether the member took part in and agreed with it.',
      when: { fact: 'service.documentsPlanOfCare', op: 'isTrue' },
      require: { fact: 'service.planOfCareMissing', op: 'subsetOf', value: [] },
      message:
        'The Plan of Care is missing: {service.planOfCareMissing}. Write the goals with the member, in their words, give each short-term goal a target date, and record that they took part and agreed.',
      path: ['service', 'planOfCare'],
      citation: guideCitation(
        'Documentation',
        'The documented Plan of Care is developed with member involvement and includes the long- and short-term goals of the member.',
      ),
      choice:
        'Agreement and target dates come from the guide’s Plan of Care examples (“Short-term Goals (S.M.A.R.T.)”, “Did the patient participate in and agree with this plan of care?”); they are treated as required.',
    },
    {
      id: 'ca-la-sapc.care_plan.approver_role',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'error',
      criterion:
        'The Plan of Care is approved and signed by a Behavioral Health Professional or a Peer Support Specialist Supervisor.',
      when: { fact: 'member.carePlanApproved', op: 'isTrue' },
      require: { fact: 'member.carePlanApproverRole', op: 'in', valueFact: 'settings.carePlanApproverRoles' },
      message:
        'The approver of the member’s Plan of Care is recorded as {member.carePlanApproverRole}; in Los Angeles County a Behavioral Health Professional or a Peer Support Specialist Supervisor must approve and sign it. Ask one of them to review and sign the Plan of Care before billing services.',
      path: ['member', 'carePlan', 'approverRole'],
      citation: guideCitation(
        'Documentation',
        'Peer Support Services must be based on an approved, individualized Plan of Care. … approved/signed by a Behavioral Health Professional or a Peer Support Specialist Supervisor',
      ),
    },
    {
      id: 'ca-la-sapc.care_plan.review_due',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'warning',
      criterion:
        'Once the Plan of Care’s review date has passed, the plan is reviewed or updated with the member and the progress note says so.',
      // A note that itself documents the plan of care (new or updated) is the update the guide asks for.
      when: {
        all: [
          { fact: 'member.carePlanReviewOn', op: 'present' },
          { fact: 'service.documentsPlanOfCare', op: 'isFalse' },
        ],
      },
      require: { fact: 'member.carePlanReviewOn', op: 'gte', valueFact: 'service.dateOfService' },
      message:
        'The member’s Plan of Care was due for review on {member.carePlanReviewOn}. Review or update the plan with the member, say in this progress note that you reviewed or updated it, and record the plan’s next review date.',
      path: ['member', 'carePlan', 'reviewOn'],
      citation: guideCitation(
        'Documentation',
        'The progress note needs to specify when there is an updated Plan of Care, or a review of the Plan of Care.',
      ),
      choice:
        'A warning, not an error: the guide asks the note to say when the plan was reviewed or updated, and does not refuse services after a review date. The review date is the one recorded on the approved plan; the day itself is still on time.',
    },
    {
      id: 'ca-la-sapc.note.pin',
      version: '1',
      effectiveFrom: SINCE,
      severity: 'warning',
      criterion: 'The note follows PIN: Plan of Care, Interaction, Next steps.',
      require: { fact: 'service.pinMissing', op: 'subsetOf', value: [] },
      message:
        'Your note is missing the PIN part(s): {service.pinMissing}. Say why the member needs the support (Plan of Care), what happened when you were with the member (Interaction), and the next steps for you and for the member.',
      path: ['service', 'pin'],
      citation: guideCitation(
        'Documentation Examples — Quick Tip!',
        'When documenting Peer Support Services think Plan of Care, Interaction, Next Steps or PIN.',
      ),
    },
    {
      id: 'ca-la-sapc.staff.supervisor_training',
      version: '1',
      effectiveFrom: SINCE,
      scope: 'staff',
      severity: 'error',
      criterion:
        'A peer support supervisor completes a DHCS-approved supervisory training within 60 days of beginning to supervise certified peers.',
      when: { fact: 'staff.supervises', op: 'isTrue' },
      require: {
        any: [
          { fact: 'staff.supervisorTrainingOn', op: 'lte', valueFact: 'staff.supervisorTrainingDueOn' },
          {
            all: [
              { fact: 'staff.supervisorTrainingOn', op: 'present' },
              { fact: 'settings.acceptLateSupervisorTraining', op: 'isTrue' },
            ],
          },
        ],
      },
      // Still inside the 60 days: a reminder, not yet a breach.
      warningWhen: {
        all: [
          { fact: 'staff.supervisorTrainingOn', op: 'absent' },
          { fact: 'service.dateOfService', op: 'lte', valueFact: 'staff.supervisorTrainingDueOn' },
        ],
      },
      message:
        'Peer support supervisors complete a DHCS-approved supervisory training within {settings.supervisorTrainingDays} days of starting to supervise: yours is due by {staff.supervisorTrainingDueOn} (completed: {staff.supervisorTrainingOn}). Take the CalMHSA supervisor training and record the date you finished it.',
      path: ['staff', 'supervision', 'trainingCompletedOn'],
      citation: guideCitation(
        'Scope of Practice',
        'Medi-Cal Peer Support Specialists must take a CA DHCS approved Peer Support supervisory training within sixty (60) days of beginning to supervise certified Medi-Cal Peer Support Specialists.',
      ),
      choice:
        'Before the due date a missing training is a warning; after it, an error. A training finished late counts as done (setting acceptLateSupervisorTraining).',
    },
  ],
  removes: [
    'ca-dhcs.care_plan.approved',
    'ca-dhcs.procedure.group',
    'ca-dhcs.procedure.individual',
    'ca-dhcs.procedure.covered',
    'ca-dhcs.discipline.peer',
    'ca-dhcs.modifiers.allowed',
  ],
};
