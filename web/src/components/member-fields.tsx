/**
 * @module web/components/member-fields
 * The demographic fields of a member, shared by "Add a member" and the member page's "Edit details":
 * names, pronouns, date of birth, Medicaid ID, phone, program, Medicare, ASAM level and special populations.
 */
import type { JSX } from 'react';
import type { MemberRecord, Problem, Program, SpecialPopulation } from '../../../src/shared/index.js';
import { problemsUnder } from '../lib/problems.js';
import { CheckboxField, CheckboxGroup, SelectField, TextField } from './fields.js';
import { ASAM_LEVEL_OPTIONS, SPECIAL_POPULATION_OPTIONS } from './member-parts.js';

export interface DemographicValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  medicaidId: string;
  phone: string;
  programId: string;
  hasMedicare: boolean;
  asamLevel: string;
  specialPopulations: SpecialPopulation[];
}

export const EMPTY_DEMOGRAPHICS: DemographicValues = {
  firstName: '',
  lastName: '',
  preferredName: '',
  pronouns: '',
  dateOfBirth: '',
  medicaidId: '',
  phone: '',
  programId: '',
  hasMedicare: false,
  asamLevel: '',
  specialPopulations: [],
};

export function demographicsOf(member: MemberRecord): DemographicValues {
  return {
    firstName: member.firstName,
    lastName: member.lastName,
    preferredName: member.preferredName ?? '',
    pronouns: member.pronouns ?? '',
    dateOfBirth: member.dateOfBirth,
    medicaidId: member.medicaidId ?? '',
    phone: member.phone ?? '',
    programId: member.program.id,
    hasMedicare: member.hasMedicare,
    asamLevel: member.asamLevel ?? '',
    specialPopulations: member.specialPopulations,
  };
}

/** Ids of the controls, by field name, for the error summary's links. */
export function demographicFieldIds(idPrefix: string): Record<keyof DemographicValues, string> {
  return {
    firstName: `${idPrefix}-first-name`,
    lastName: `${idPrefix}-last-name`,
    preferredName: `${idPrefix}-preferred-name`,
    pronouns: `${idPrefix}-pronouns`,
    dateOfBirth: `${idPrefix}-date-of-birth`,
    medicaidId: `${idPrefix}-medicaid-id`,
    phone: `${idPrefix}-phone`,
    programId: `${idPrefix}-program`,
    hasMedicare: `${idPrefix}-has-medicare`,
    asamLevel: `${idPrefix}-asam-level`,
    specialPopulations: `${idPrefix}-special-populations-katie_a`,
  };
}

export interface DemographicFieldsProps {
  idPrefix: string;
  values: DemographicValues;
  onChange: (values: DemographicValues) => void;
  problems: readonly Problem[];
  programs: readonly Program[];
}

export function DemographicFields({
  idPrefix,
  values,
  onChange,
  problems,
  programs,
}: DemographicFieldsProps): JSX.Element {
  const ids = demographicFieldIds(idPrefix);
  const set =
    <K extends keyof DemographicValues>(key: K) =>
    (value: DemographicValues[K]): void =>
      onChange({ ...values, [key]: value });
  const text = (key: keyof DemographicValues) => ({
    id: ids[key],
    name: key,
    problems: problemsUnder(problems, key),
  });
  return (
    <>
      <div className="field-pair">
        <TextField
          {...text('firstName')}
          label="First name"
          autoComplete="off"
          value={values.firstName}
          onValueChange={set('firstName')}
        />
        <TextField
          {...text('lastName')}
          label="Last name"
          autoComplete="off"
          value={values.lastName}
          onValueChange={set('lastName')}
        />
      </div>
      <div className="field-pair">
        <TextField
          {...text('preferredName')}
          label="Preferred name (optional)"
          hint="The name the member goes by."
          autoComplete="off"
          value={values.preferredName}
          onValueChange={set('preferredName')}
        />
        <TextField
          {...text('pronouns')}
          label="Pronouns (optional)"
          hint="For example she/her, he/him, they/them."
          autoComplete="off"
          value={values.pronouns}
          onValueChange={set('pronouns')}
        />
      </div>
      <TextField
        {...text('dateOfBirth')}
        label="Date of birth"
        type="date"
        value={values.dateOfBirth}
        onValueChange={set('dateOfBirth')}
      />
      <TextField
        {...text('medicaidId')}
        label="Medicaid ID (optional)"
        hint="As printed on the member’s card, e.g. ZZCA12345678."
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        value={values.medicaidId}
        onValueChange={set('medicaidId')}
      />
      <TextField
        {...text('phone')}
        label="Phone (optional)"
        hint="Ten digits, e.g. 510-555-0142."
        type="tel"
        inputMode="tel"
        autoComplete="off"
        value={values.phone}
        onValueChange={set('phone')}
      />
      <SelectField
        {...text('programId')}
        label="Program"
        options={[
          { value: '', label: 'Choose a program…' },
          ...programs.map((program) => ({ value: program.id, label: program.name })),
        ]}
        value={values.programId}
        onValueChange={set('programId')}
      />
      <CheckboxField
        id={ids.hasMedicare}
        label="Also has Medicare"
        checked={values.hasMedicare}
        onCheckedChange={set('hasMedicare')}
        problems={problemsUnder(problems, 'hasMedicare')}
      />
      <SelectField
        {...text('asamLevel')}
        label="ASAM level of care (optional)"
        hint="For members with a substance use diagnosis."
        options={ASAM_LEVEL_OPTIONS}
        value={values.asamLevel}
        onValueChange={set('asamLevel')}
      />
      <CheckboxGroup
        id={`${idPrefix}-special-populations`}
        legend="Special populations"
        hint="California children’s services the member is part of, if any."
        options={SPECIAL_POPULATION_OPTIONS}
        selected={values.specialPopulations}
        onChange={set('specialPopulations')}
        problems={problemsUnder(problems, 'specialPopulations')}
      />
    </>
  );
}
