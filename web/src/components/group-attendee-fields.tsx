/**
 * @module web/components/group-attendee-fields
 * An attendee's own parts of their group note, beside the session's shared ones: their response and next
 * steps, who the service was with (Alameda's family group: family without the member, and how it relates to
 * the member's treatment), identity verified on an audio-only group, coordination with the family of a minor,
 * the plan-of-care goals worked on, and — when signing asks for them — why the note is late and an EPSDT
 * justification. Fields that only matter sometimes appear when they do, or when a value or problem is there.
 */
import type { JSX } from 'react';
import type { AttendeeNoteFields, GroupAttendee, GroupSession, Problem } from '../../../src/shared/index.js';
import { RECIPIENT_OPTIONS } from '../lib/note-labels.js';
import { problemsAt } from '../lib/note-problems.js';
import type { GoalOption } from '../lib/use-note-goals.js';
import { CheckboxField, CheckboxGroup, RadioGroup, TextAreaField } from './fields.js';

/** What the attendee form edits: the attendee's own note fields and their next steps. */
export type AttendeeDraft = AttendeeNoteFields & { nextSteps: string };

export function attendeeDraftOf(attendee: GroupAttendee): AttendeeDraft {
  return { ...attendee.fields, nextSteps: attendee.nextSteps };
}

/**
 * Control ids of one attendee's fields, by note field name (`pin.nextSteps` for the next steps), for problem
 * links.
 */
export function attendeeFieldIds(
  prefix: string,
  draft: AttendeeDraft,
  goals: readonly GoalOption[] | null,
): Record<string, string> {
  const firstGoal = goals?.[0];
  return {
    memberResponse: `${prefix}-response`,
    'pin.nextSteps': `${prefix}-next-steps`,
    recipient: `${prefix}-recipient-${draft.recipient}`,
    familyRelationToTreatment: `${prefix}-family-relation`,
    identityVerified: `${prefix}-identity-verified`,
    familyCoordinationDocumented: `${prefix}-family-coordination`,
    interventionInPlan: `${prefix}-intervention-in-plan`,
    ...(firstGoal === undefined ? {} : { goalsAddressed: `${prefix}-goals-${firstGoal.id}` }),
    lateReason: `${prefix}-late-reason`,
    epsdtJustification: `${prefix}-epsdt`,
  };
}

export interface AttendeeFieldsProps {
  group: GroupSession;
  attendee: GroupAttendee;
  prefix: string;
  draft: AttendeeDraft;
  onChange: (draft: AttendeeDraft) => void;
  /** Goals of the attendee's plan of care; null when there is none to show. */
  goals: readonly GoalOption[] | null;
  /** Problems of the last save and what signing still needs, both naming the note's fields (`['fields', …]`). */
  problems: readonly Problem[];
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value);

export function AttendeeFields({
  group,
  attendee,
  prefix,
  draft,
  onChange,
  goals,
  problems,
}: AttendeeFieldsProps): JSX.Element {
  const name = attendee.member.displayName;
  // Problems name the note's fields (`['fields', 'pin', 'nextSteps']` for the attendee's next steps).
  const at = (field: keyof AttendeeDraft): Problem[] =>
    problemsAt(problems, field === 'nextSteps' ? 'pin.nextSteps' : field);
  const set = <K extends keyof AttendeeDraft>(field: K, value: AttendeeDraft[K]): void =>
    onChange({ ...draft, [field]: value });
  const shows = (condition: boolean, field: keyof AttendeeDraft, value: unknown): boolean =>
    condition || (value !== null && value !== false) || at(field).length > 0;
  const overLimit = (attendee.preview?.limits ?? []).some((limit) => limit.remaining < 0);
  return (
    <>
      <TextAreaField
        id={`${prefix}-response`}
        label={`${name}’s response`}
        hint="How they took part and what they said, in plain words."
        rows={3}
        value={draft.memberResponse}
        onValueChange={(value) => set('memberResponse', value)}
        problems={at('memberResponse')}
      />
      <TextAreaField
        id={`${prefix}-next-steps`}
        label={`Next steps for ${name}`}
        rows={2}
        value={draft.nextSteps}
        onValueChange={(value) => set('nextSteps', value)}
        problems={at('nextSteps')}
      />
      <RadioGroup
        id={`${prefix}-recipient`}
        legend={`Who the service was with, for ${name}`}
        options={RECIPIENT_OPTIONS}
        value={draft.recipient}
        onChange={(value) => set('recipient', value)}
        problems={at('recipient')}
      />
      {shows(
        draft.recipient === 'family_without_member',
        'familyRelationToTreatment',
        draft.familyRelationToTreatment,
      ) ? (
        <TextAreaField
          id={`${prefix}-family-relation`}
          label={`How this relates to ${name}’s treatment`}
          hint="For a group with their family or support persons without them: how it helps their recovery."
          rows={2}
          value={draft.familyRelationToTreatment ?? ''}
          onValueChange={(value) => set('familyRelationToTreatment', blankToNull(value))}
          problems={at('familyRelationToTreatment')}
        />
      ) : null}
      {shows(group.modality === 'audio_only', 'identityVerified', draft.identityVerified) ? (
        <CheckboxField
          id={`${prefix}-identity-verified`}
          label={`I verified ${name}’s identity with two identifiers`}
          hint="For example their name and date of birth, before the call began."
          checked={draft.identityVerified}
          onCheckedChange={(checked) => set('identityVerified', checked)}
          problems={at('identityVerified')}
        />
      ) : null}
      <CheckboxField
        id={`${prefix}-family-coordination`}
        label={`Coordination with ${name}’s family or guardian is documented`}
        hint="Needed for members under 18."
        checked={draft.familyCoordinationDocumented}
        onCheckedChange={(checked) => set('familyCoordinationDocumented', checked)}
        problems={at('familyCoordinationDocumented')}
      />
      {goals === null || goals.length === 0 ? null : (
        <CheckboxGroup
          id={`${prefix}-goals`}
          legend={`Goals of ${name}’s plan this group worked on`}
          options={goals.map((goal) => ({ value: goal.id, label: goal.text }))}
          selected={draft.goalsAddressed}
          onChange={(selected) => set('goalsAddressed', selected)}
          problems={at('goalsAddressed')}
        />
      )}
      <CheckboxField
        id={`${prefix}-intervention-in-plan`}
        label={`This group is part of ${name}’s plan of care`}
        hint="Tick it only when their plan names this kind of support."
        checked={draft.interventionInPlan}
        onCheckedChange={(checked) => set('interventionInPlan', checked)}
        problems={at('interventionInPlan')}
      />
      {shows(attendee.lateReasonNeeded, 'lateReason', draft.lateReason) ? (
        <TextAreaField
          id={`${prefix}-late-reason`}
          label={`Why ${name}’s note is late`}
          hint={`The notes were due on ${attendee.dueOn}. Say briefly why they are signed late.`}
          rows={2}
          value={draft.lateReason ?? ''}
          onValueChange={(value) => set('lateReason', blankToNull(value))}
          problems={at('lateReason')}
        />
      ) : null}
      {shows(overLimit, 'epsdtJustification', draft.epsdtJustification) ? (
        <TextAreaField
          id={`${prefix}-epsdt`}
          label={`EPSDT medical necessity for ${name} (members under 21)`}
          hint="Why going over the limit is medically necessary for this member."
          rows={2}
          value={draft.epsdtJustification ?? ''}
          onValueChange={(value) => set('epsdtJustification', blankToNull(value))}
          problems={at('epsdtJustification')}
        />
      ) : null}
    </>
  );
}
