/**
 * @module web/components/group-session-form
 * The fields of a group session — topic, date, start and end, how the group met, where the members were,
 * place of service — and its facilitators, each with their role and the minutes they were present. The new
 * session page and the session's own page share these, so a session is written the same way in both.
 * Values are kept as typed (strings) and turned into the request shape only when submitted.
 */
import type { JSX } from 'react';
import { FACILITATOR_ROLES } from '../../../src/shared/documentation.js';
import type { FacilitatorRole } from '../../../src/shared/documentation.js';
import type {
  GroupFacilitatorInput,
  GroupSession,
  GroupSessionFields,
  Modality,
  PersonRef,
  Problem,
} from '../../../src/shared/index.js';
import { MEMBER_LOCATION_OPTIONS, MODALITY_OPTIONS } from '../lib/note-labels.js';
import type { MemberLocation } from '../lib/note-labels.js';
import { problemsUnder } from '../lib/problems.js';
import { RadioGroup, SelectField, TextAreaField, TextField } from './fields.js';

export interface FacilitatorDraft {
  userId: string;
  role: FacilitatorRole;
  /** As typed; a whole number of minutes once checked. */
  minutes: string;
}

/** The session as the form holds it. */
export interface SessionDraft {
  topic: string;
  dateOfService: string;
  start: string;
  end: string;
  modality: Modality;
  memberLocation: string;
  placeOfService: string;
  facilitators: FacilitatorDraft[];
}

export function facilitatorRoleLabel(role: FacilitatorRole): string {
  switch (role) {
    case 'lead':
      return 'Lead';
    case 'co_facilitator':
      return 'Co-facilitator';
  }
}

const ROLE_OPTIONS = FACILITATOR_ROLES.map((role) => ({ value: role, label: facilitatorRoleLabel(role) }));

/** Control ids by dotted field name, for error-summary links; the facilitator rows are numbered. */
export function sessionFieldIds(draft: SessionDraft): Record<string, string> {
  const ids: Record<string, string> = {
    topic: 'group-topic',
    dateOfService: 'group-date',
    start: 'group-start',
    end: 'group-end',
    modality: `group-modality-${draft.modality}`,
    memberLocation: 'group-member-location',
    placeOfService: 'group-place-of-service',
    facilitators: 'group-add-facilitator',
  };
  draft.facilitators.forEach((_facilitator, index) => {
    ids[`facilitators.${index}`] = `group-facilitator-${index}-user`;
    ids[`facilitators.${index}.userId`] = `group-facilitator-${index}-user`;
    ids[`facilitators.${index}.role`] = `group-facilitator-${index}-role`;
    ids[`facilitators.${index}.minutes`] = `group-facilitator-${index}-minutes`;
  });
  return ids;
}

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

function isMemberLocation(value: string): value is MemberLocation {
  return MEMBER_LOCATION_OPTIONS.some((option) => option.value === value);
}

/** The draft in the shape of the request (minus the interaction); the shared schema checks it. */
export function sessionFieldsOf(draft: SessionDraft): Omit<GroupSessionFields, 'interaction'> {
  return {
    topic: draft.topic,
    dateOfService: draft.dateOfService,
    start: blankToNull(draft.start),
    end: blankToNull(draft.end),
    modality: draft.modality,
    memberLocation: isMemberLocation(draft.memberLocation) ? draft.memberLocation : null,
    placeOfService: blankToNull(draft.placeOfService),
    facilitators: draft.facilitators.map((facilitator): GroupFacilitatorInput => ({
      userId: facilitator.userId,
      role: facilitator.role,
      // A blank or half-typed number is left for the schema to refuse in words.
      minutes: facilitator.minutes.trim() === '' ? Number.NaN : Number(facilitator.minutes),
    })),
  };
}

/** The form's starting values for a stored session. */
export function draftOfGroup(group: GroupSession): SessionDraft {
  return {
    topic: group.topic,
    dateOfService: group.dateOfService,
    start: group.start ?? '',
    end: group.end ?? '',
    modality: group.modality,
    memberLocation: group.memberLocation ?? '',
    placeOfService: group.placeOfService ?? '',
    facilitators: group.facilitators.map((facilitator) => ({
      userId: facilitator.user.id,
      role: facilitator.role,
      minutes: String(facilitator.minutes),
    })),
  };
}

export interface GroupSessionFieldsProps {
  draft: SessionDraft;
  onChange: (draft: SessionDraft) => void;
  /** Who can facilitate. */
  staff: readonly PersonRef[];
  /** Problems with paths `['body', field, …]`. */
  problems: readonly Problem[];
}

export function GroupSessionFieldset({
  draft,
  onChange,
  staff,
  problems,
}: GroupSessionFieldsProps): JSX.Element {
  const set = <K extends keyof SessionDraft>(name: K, value: SessionDraft[K]): void =>
    onChange({ ...draft, [name]: value });
  const telehealth = draft.modality !== 'in_person';
  return (
    <>
      <TextField
        id="group-topic"
        label="Topic"
        hint="What the group worked on, e.g. “Budgeting for the month”."
        autoComplete="off"
        value={draft.topic}
        onValueChange={(value) => set('topic', value)}
        problems={problemsUnder(problems, 'topic')}
      />
      <TextField
        id="group-date"
        type="date"
        label="Date of service"
        value={draft.dateOfService}
        onValueChange={(value) => set('dateOfService', value)}
        problems={problemsUnder(problems, 'dateOfService')}
      />
      <div className="note-times">
        {(['start', 'end'] as const).map((edge) => (
          <TextField
            key={edge}
            id={`group-${edge}`}
            type="time"
            label={edge === 'start' ? 'Start' : 'End'}
            value={draft[edge]}
            onValueChange={(value) => set(edge, value)}
            problems={problemsUnder(problems, edge)}
          />
        ))}
      </div>
      <RadioGroup
        id="group-modality"
        legend="How the group met"
        options={MODALITY_OPTIONS}
        value={draft.modality}
        onChange={(value) => set('modality', value)}
        problems={problemsUnder(problems, 'modality')}
      />
      {telehealth || draft.memberLocation !== '' ? (
        <SelectField
          id="group-member-location"
          label="Where the members were"
          hint="For telehealth: where the members joined from. It decides the place of service."
          value={draft.memberLocation}
          onValueChange={(value) => set('memberLocation', value)}
          options={[{ value: '', label: 'Choose where the members were' }, ...MEMBER_LOCATION_OPTIONS]}
          problems={problemsUnder(problems, 'memberLocation')}
        />
      ) : null}
      <TextField
        id="group-place-of-service"
        label="Place of service (optional)"
        hint="Two-digit code, e.g. 11 office, 99 other. Leave it blank and the payer rules set it from how the group met."
        inputMode="numeric"
        autoComplete="off"
        maxLength={2}
        className="input input-short"
        value={draft.placeOfService}
        onValueChange={(value) => set('placeOfService', value)}
        problems={problemsUnder(problems, 'placeOfService')}
      />
      <FacilitatorsFieldset
        facilitators={draft.facilitators}
        onChange={(facilitators) => set('facilitators', facilitators)}
        staff={staff}
        problems={problems}
      />
    </>
  );
}

function FacilitatorsFieldset({
  facilitators,
  onChange,
  staff,
  problems,
}: {
  facilitators: FacilitatorDraft[];
  onChange: (facilitators: FacilitatorDraft[]) => void;
  staff: readonly PersonRef[];
  problems: readonly Problem[];
}): JSX.Element {
  const replace = (index: number, changes: Partial<FacilitatorDraft>): void =>
    onChange(
      facilitators.map((facilitator, at) => (at === index ? { ...facilitator, ...changes } : facilitator)),
    );
  // Problems about the list as a whole (no lead, none at all), not about one row.
  const listProblems = problems.filter((problem) => {
    const [location, field, index] = problem.path;
    return location === 'body' && field === 'facilitators' && index === undefined;
  });
  const staffOptions = [
    { value: '', label: 'Choose a person' },
    ...staff.map((person) => ({ value: person.id, label: person.displayName })),
  ];
  return (
    <fieldset className="field fieldset group-facilitators" aria-describedby="group-facilitators-hint">
      <legend className="field-label">Facilitators</legend>
      <p id="group-facilitators-hint" className="field-hint">
        Who ran the group, and for how many minutes each was there. One is the lead: they sign the attendees’
        notes. Their minutes over the session’s length give the facilitator FTE the payer checks group size
        against.
      </p>
      {listProblems.length === 0 ? null : (
        <div className="field-error">
          {listProblems.map((problem, index) => (
            <p key={`${problem.code}-${index}`}>{problem.message}</p>
          ))}
        </div>
      )}
      {facilitators.map((facilitator, index) => {
        const at = (field: string): Problem[] => problemsUnder(problems, `facilitators.${index}.${field}`);
        const number = index + 1;
        return (
          <div key={index} className="group-facilitator">
            <SelectField
              id={`group-facilitator-${index}-user`}
              label={`Facilitator ${number}`}
              value={facilitator.userId}
              onValueChange={(value) => replace(index, { userId: value })}
              options={staffOptions}
              problems={at('userId')}
            />
            <SelectField
              id={`group-facilitator-${index}-role`}
              label={`Role of facilitator ${number}`}
              value={facilitator.role}
              onValueChange={(value) => {
                const role = FACILITATOR_ROLES.find((each) => each === value);
                if (role !== undefined) replace(index, { role });
              }}
              options={ROLE_OPTIONS}
              problems={at('role')}
            />
            <TextField
              id={`group-facilitator-${index}-minutes`}
              label={`Minutes of facilitator ${number}`}
              inputMode="numeric"
              autoComplete="off"
              value={facilitator.minutes}
              onValueChange={(value) => replace(index, { minutes: value })}
              problems={at('minutes')}
            />
            {facilitators.length > 1 ? (
              <button
                type="button"
                className="button button-secondary"
                onClick={() => onChange(facilitators.filter((_each, at) => at !== index))}
              >
                Remove facilitator {number}
              </button>
            ) : null}
          </div>
        );
      })}
      <button
        type="button"
        id="group-add-facilitator"
        className="button button-secondary"
        onClick={() => onChange([...facilitators, { userId: '', role: 'co_facilitator', minutes: '' }])}
      >
        Add a facilitator
      </button>
    </fieldset>
  );
}

export interface InteractionFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Problems with paths `['body', …]`; those about `interaction` show beside it. */
  problems: readonly Problem[];
}

/** The session's Interaction: the I of PIN, the same in every attendee's note. */
export function InteractionField({ label, value, onChange, problems }: InteractionFieldProps): JSX.Element {
  return (
    <TextAreaField
      id="group-interaction"
      label={label}
      hint="The I of PIN: what you and the group did together. It is the same in every attendee’s note."
      rows={5}
      value={value}
      onValueChange={onChange}
      problems={problemsUnder(problems, 'interaction')}
    />
  );
}
