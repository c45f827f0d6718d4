/**
 * @module web/components/note-form
 * The fields of a service note, phone first: one column, native date and time pickers, radio buttons for
 * the short choices. Fields that only matter sometimes appear when they do — where the member was for
 * telehealth, identity verification for audio-only, how a family-only service relates to the member's
 * treatment, the late reason once the payer's due date has passed, the plan-of-care version a Los Angeles
 * Plan of Care note documents, the modifiers the pack lets the author add — and also whenever a problem or a
 * value is there.
 * Every problem about a field (the form's own check, a refused save, the payer rules, the documentation
 * helper) shows beside it.
 */
import type { JSX } from 'react';
import type { NoteFields, Problem } from '../../../src/shared/index.js';
import {
  ACTIVITY_OPTIONS,
  modifierLabel,
  MEMBER_LOCATION_OPTIONS,
  MODALITY_OPTIONS,
  RECIPIENT_OPTIONS,
  SERVICE_TYPE_OPTIONS,
} from '../lib/note-labels.js';
import type { GoalOption, PlanVersionOption } from '../lib/use-note-goals.js';
import { MODIFIERS_ID, gapControlId, modifierChoices, problemsAt } from '../lib/note-problems.js';
import { carePlanStatusLabel } from './care-plan-parts.js';
import {
  CheckboxField,
  CheckboxGroup,
  FieldProblems,
  RadioGroup,
  SelectField,
  TextAreaField,
  TextField,
} from './fields.js';

export interface NoteFormProps {
  fields: NoteFields;
  setField: <K extends keyof NoteFields>(name: K, value: NoteFields[K]) => void;
  /** Form problems; those about a note field name it `['fields', …]` (see web/lib/note-problems). */
  problems: readonly Problem[];
  /** Goals of the member's plan of care; null when there is no plan to show. */
  goals: readonly GoalOption[] | null;
  /** Versions of the member's plan of care; null while they cannot be read. */
  planVersions: readonly PlanVersionOption[] | null;
  /** The payer bills the Plan of Care as a peer note (Los Angeles): ask whether this note is it. */
  offerPlanOfCare: boolean;
  /** Modifiers the payer lets the author add (the pack adds its own). */
  modifierOptions: readonly string[];
  /** Signing now would be after the payer's due date (the server's answer): ask why. */
  pastDue: boolean;
  /** A limit would be exceeded (North Carolina: an under-21 EPSDT justification may allow it). */
  overLimit: boolean;
  /** Consents on file, said in words, for the telehealth fields' hint. */
  consentHint?: string;
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value);

/** The vocabulary value a select's string stands for, or null (the blank "Choose…" option). */
function chosen<V extends string>(options: readonly { value: V }[], value: string): V | null {
  return options.find((option) => option.value === value)?.value ?? null;
}

export function NoteForm({
  fields,
  setField,
  problems,
  goals,
  planVersions,
  offerPlanOfCare,
  modifierOptions,
  pastDue,
  overLimit,
  consentHint,
}: NoteFormProps): JSX.Element {
  const at = (field: string): Problem[] => problemsAt(problems, field);
  const exactly = (field: string): Problem[] => problemsAt(problems, field, true);
  const telehealth = fields.modality !== 'in_person';
  const showWhen = (condition: boolean, field: keyof NoteFields): boolean =>
    condition || fields[field] !== null || at(field).length > 0;

  return (
    <>
      <section aria-labelledby="note-service-heading" className="panel">
        <h2 id="note-service-heading">Service</h2>
        <SelectField
          id="note-service-type"
          label="Service type"
          value={fields.serviceType}
          onValueChange={(value) =>
            setField('serviceType', chosen(SERVICE_TYPE_OPTIONS, value) ?? fields.serviceType)
          }
          options={SERVICE_TYPE_OPTIONS}
          problems={at('serviceType')}
        />
        <SelectField
          id="note-activity"
          label="Activity"
          hint="What you did. An activity the member's payer does not cover is flagged in the claim preview."
          value={fields.activity}
          onValueChange={(value) => setField('activity', chosen(ACTIVITY_OPTIONS, value) ?? fields.activity)}
          options={ACTIVITY_OPTIONS}
          problems={at('activity')}
        />
        <RadioGroup
          id="note-recipient"
          legend="Who the service was with"
          options={RECIPIENT_OPTIONS}
          value={fields.recipient}
          onChange={(value) => setField('recipient', value)}
          problems={at('recipient')}
        />
        {showWhen(fields.recipient === 'family_without_member', 'familyRelationToTreatment') ? (
          <OptionalText
            name="familyRelationToTreatment"
            id="note-family-relation"
            label="How this relates to the member's treatment"
            hint="For a service to family or support persons without the member: how it helps the member's recovery."
            {...{ fields, setField, problems }}
          />
        ) : null}
      </section>

      <section aria-labelledby="note-time-heading" className="panel">
        <h2 id="note-time-heading">When</h2>
        <TextField
          id="note-date"
          type="date"
          label="Date of service"
          value={fields.dateOfService}
          onValueChange={(value) => setField('dateOfService', value)}
          problems={at('dateOfService')}
        />
        <div className="note-times">
          <TextField
            id="note-start"
            type="time"
            label="Start"
            value={fields.start ?? ''}
            onValueChange={(value) => setField('start', blankToNull(value))}
            problems={at('start')}
          />
          <TextField
            id="note-end"
            type="time"
            label="End"
            value={fields.end ?? ''}
            onValueChange={(value) => setField('end', blankToNull(value))}
            problems={at('end')}
          />
        </div>
        <GapsField fields={fields} setField={setField} problems={problems} />
      </section>

      <section aria-labelledby="note-where-heading" className="panel">
        <h2 id="note-where-heading">How and where</h2>
        <RadioGroup
          id="note-modality"
          legend="How you met"
          options={MODALITY_OPTIONS}
          value={fields.modality}
          onChange={(value) => setField('modality', value)}
          hint={telehealth ? consentHint : undefined}
          problems={at('modality')}
        />
        {showWhen(telehealth, 'memberLocation') ? (
          <SelectField
            id="note-member-location"
            label="Where the member was"
            hint="For telehealth: where the member was during the service. It decides the place of service."
            value={fields.memberLocation ?? ''}
            onValueChange={(value) => setField('memberLocation', chosen(MEMBER_LOCATION_OPTIONS, value))}
            options={[{ value: '', label: 'Choose where the member was' }, ...MEMBER_LOCATION_OPTIONS]}
            problems={at('memberLocation')}
          />
        ) : null}
        {fields.modality === 'audio_only' || fields.identityVerified || at('identityVerified').length > 0 ? (
          <CheckboxField
            id="note-identity-verified"
            label="I verified the member's identity with two identifiers"
            hint="For example their name and date of birth, before the call began."
            checked={fields.identityVerified}
            onCheckedChange={(checked) => setField('identityVerified', checked)}
            problems={at('identityVerified')}
          />
        ) : null}
        {showWhen(audioOnlyConsentMissing(problems), 'consentCircumstances') ? (
          <OptionalText
            name="consentCircumstances"
            id="note-consent-circumstances"
            label="Why consent could not be obtained (extenuating circumstances)"
            hint="Only when the member could not give consent to a telephone service, say why, e.g. “called in crisis from a shelter phone”. Record their consent as soon as they can give it."
            {...{ fields, setField, problems }}
          />
        ) : null}
        <TextField
          id="note-place-of-service"
          label="Place of service (optional)"
          hint="Two-digit code, e.g. 11 office, 12 home, 99 other. Leave it blank and the payer rules set it from where you met."
          inputMode="numeric"
          autoComplete="off"
          maxLength={2}
          className="input input-short"
          value={fields.placeOfService ?? ''}
          onValueChange={(value) => setField('placeOfService', blankToNull(value))}
          problems={at('placeOfService')}
        />
        <ModifiersField options={modifierOptions} {...{ fields, setField, problems }} />
      </section>

      <section aria-labelledby="note-plan-heading" className="panel">
        <h2 id="note-plan-heading">Plan of care</h2>
        {goals === null || goals.length === 0 ? null : (
          <CheckboxGroup
            id="note-goals"
            legend="Goals this service worked on"
            options={goals.map((goal) => ({ value: goal.id, label: goal.text }))}
            selected={fields.goalsAddressed}
            onChange={(selected) => setField('goalsAddressed', selected)}
            problems={at('goalsAddressed')}
          />
        )}
        <CheckboxField
          id="note-intervention-in-plan"
          label="This activity is part of the member's plan of care"
          hint="Tick it only when the plan names this kind of support; the goals above show which part."
          checked={fields.interventionInPlan}
          onCheckedChange={(checked) => setField('interventionInPlan', checked)}
          problems={at('interventionInPlan')}
        />
        {offerPlanOfCare || fields.planOfCareId !== null || at('planOfCareId').length > 0 ? (
          <SelectField
            id="note-plan-of-care"
            label="This note documents the plan of care"
            hint="When you wrote the plan of care with the member in this session, choose the version you wrote: the claim is then judged on what it holds and whether it is approved."
            value={fields.planOfCareId ?? ''}
            onValueChange={(value) => setField('planOfCareId', value === '' ? null : value)}
            options={[
              { value: '', label: 'No, this note is another service' },
              ...(planVersions ?? []).map((plan) => ({ value: plan.id, label: planVersionLabel(plan) })),
            ]}
            problems={at('planOfCareId')}
          />
        ) : null}
        <CheckboxField
          id="note-family-coordination"
          label="Coordination with the member's family or guardian is documented"
          hint="Needed for members under 18."
          checked={fields.familyCoordinationDocumented}
          onCheckedChange={(checked) => setField('familyCoordinationDocumented', checked)}
          problems={at('familyCoordinationDocumented')}
        />
      </section>

      <PinFields fields={fields} setField={setField} problems={problems} exactly={exactly} at={at} />

      {showWhen(pastDue, 'lateReason') || showWhen(overLimit, 'epsdtJustification') ? (
        <section aria-labelledby="note-late-heading" className="panel">
          <h2 id="note-late-heading">Late or over a limit</h2>
          {showWhen(pastDue, 'lateReason') ? (
            <OptionalText
              name="lateReason"
              id="note-late-reason"
              label="Why the note is late"
              hint="This note is past its due date. Say briefly why, e.g. “member crisis took the rest of the week”."
              {...{ fields, setField, problems }}
            />
          ) : null}
          {showWhen(overLimit, 'epsdtJustification') ? (
            <OptionalText
              name="epsdtJustification"
              id="note-epsdt"
              label="EPSDT medical necessity (members under 21)"
              hint="Why going over the limit is medically necessary for this member."
              {...{ fields, setField, problems }}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

function planVersionLabel(plan: PlanVersionOption): string {
  const kind = plan.kind === 'new' ? 'new plan' : 'updated plan';
  return `Version ${plan.version}: ${kind}, ${carePlanStatusLabel(plan.status).toLowerCase()}`;
}

/** The modifiers the author adds: the pack's user modifiers, and any the note has that are not offered. */
function ModifiersField({
  options,
  fields,
  setField,
  problems,
}: Pick<NoteFormProps, 'fields' | 'setField' | 'problems'> & {
  options: readonly string[];
}): JSX.Element | null {
  const choices = modifierChoices(options, fields.modifiers);
  const modifierProblems = problemsAt(problems, 'modifiers');
  if (choices.length === 0 && modifierProblems.length === 0) {
    return null;
  }
  return (
    <CheckboxGroup
      id={MODIFIERS_ID}
      legend="Modifiers you add (optional)"
      hint="The payer rules add the modifiers the payer requires. Tick one here only when it applies to this service."
      options={choices.map((modifier) => ({ value: modifier, label: modifierLabel(modifier) }))}
      selected={fields.modifiers}
      onChange={(selected) => setField('modifiers', selected)}
      problems={modifierProblems}
    />
  );
}

/** A note field holding text that may be left out (null when blank). */
type OptionalTextName =
  'familyRelationToTreatment' | 'lateReason' | 'epsdtJustification' | 'consentCircumstances';

/**
 * A problem asks for the member's consent to telephone services (its path is that consent on the member's
 * record): the note may then document why it could not be obtained (North Carolina §V.G).
 */
function audioOnlyConsentMissing(problems: readonly Problem[]): boolean {
  return problems.some(
    (problem) =>
      problem.path[0] === 'member' && problem.path[1] === 'consents' && problem.path[2] === 'audioOnly',
  );
}

function OptionalText({
  name,
  id,
  label,
  hint,
  fields,
  setField,
  problems,
}: Pick<NoteFormProps, 'fields' | 'setField' | 'problems'> & {
  name: OptionalTextName;
  id: string;
  label: string;
  hint: string;
}): JSX.Element {
  return (
    <TextAreaField
      id={id}
      label={label}
      hint={hint}
      rows={3}
      value={fields[name] ?? ''}
      onValueChange={(value) => setField(name, blankToNull(value))}
      problems={problemsAt(problems, name)}
    />
  );
}

function GapsField({
  fields,
  setField,
  problems,
}: Pick<NoteFormProps, 'fields' | 'setField' | 'problems'>): JSX.Element {
  const gapProblems = problemsAt(problems, 'gaps', true);
  const setGap = (index: number, end: 'start' | 'end', value: string): void =>
    setField(
      'gaps',
      fields.gaps.map((gap, each) => (each === index ? { ...gap, [end]: value } : gap)),
    );
  return (
    <fieldset
      className="field fieldset note-gaps"
      aria-describedby={gapProblems.length > 0 ? 'note-gaps-error' : undefined}
    >
      <legend className="field-label">Gaps</legend>
      <div className="field-hint">
        Times within the service when you were not with the member (they are not billed).
      </div>
      <FieldProblems id="note-gaps-error" problems={gapProblems} />
      {fields.gaps.length === 0 ? <p>No gaps.</p> : null}
      {fields.gaps.map((gap, index) => (
        <div key={index} className="note-gap" role="group" aria-label={`Gap ${index + 1}`}>
          <div className="note-times">
            <TextField
              id={gapControlId(index, 'start')}
              type="time"
              label={`Gap ${index + 1} from`}
              value={gap.start}
              onValueChange={(value) => setGap(index, 'start', value)}
              problems={problemsAt(problems, `gaps.${index}.start`)}
            />
            <TextField
              id={gapControlId(index, 'end')}
              type="time"
              label={`Gap ${index + 1} to`}
              value={gap.end}
              onValueChange={(value) => setGap(index, 'end', value)}
              problems={problemsAt(problems, `gaps.${index}.end`)}
            />
          </div>
          <button
            type="button"
            className="button button-secondary"
            onClick={() =>
              setField(
                'gaps',
                fields.gaps.filter((_gap, each) => each !== index),
              )
            }
          >
            Remove gap {index + 1}
          </button>
        </div>
      ))}
      <button
        id="note-gaps-add"
        type="button"
        className="button button-secondary"
        onClick={() => setField('gaps', [...fields.gaps, { start: '', end: '' }])}
      >
        Add a gap
      </button>
    </fieldset>
  );
}

const PIN_PARTS = [
  {
    key: 'plan',
    id: 'note-pin-plan',
    label: 'Plan',
    hint: 'What the member and you set out to work on, tied to their plan of care.',
  },
  {
    key: 'interaction',
    id: 'note-pin-interaction',
    label: 'Interaction',
    hint: 'What you did together, in plain words, and how the member took part.',
  },
  {
    key: 'nextSteps',
    id: 'note-pin-next-steps',
    label: 'Next steps',
    hint: 'What happens next, who does it, and when you meet again.',
  },
] as const;

function PinFields({
  fields,
  setField,
  exactly,
  at,
}: Pick<NoteFormProps, 'fields' | 'setField' | 'problems'> & {
  exactly: (field: string) => Problem[];
  at: (field: string) => Problem[];
}): JSX.Element {
  const whole = exactly('pin');
  return (
    <section aria-labelledby="note-pin-heading" className="panel">
      <h2 id="note-pin-heading">PIN note</h2>
      <p className="field-hint">
        Write in recovery language, as you would read it aloud to the member. Suggestions appear beside each
        part; they never stop you saving.
      </p>
      <FieldProblems id="note-pin-error" problems={whole} />
      {PIN_PARTS.map((part) => (
        <TextAreaField
          key={part.key}
          id={part.id}
          label={part.label}
          hint={part.hint}
          rows={4}
          value={fields.pin[part.key]}
          onValueChange={(value) => setField('pin', { ...fields.pin, [part.key]: value })}
          problems={at(`pin.${part.key}`)}
        />
      ))}
    </section>
  );
}
