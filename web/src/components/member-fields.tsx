/**
 * @module web/components/member-fields
 * The demographic fields of a member, shared by "Add a member" and the member page's "Edit details":
 * names, pronouns, date of birth, sex, Medicaid ID, phone, home address, program, Medicare, ASAM level and
 * special populations. Sex and address are what a claim file says about the member (837 2010BA).
 */
import type { JSX } from 'react';
import { MEMBER_SEXES, type MemberSex } from '../../../src/shared/billing.js';
import { memberSexLabel } from '../../../src/shared/index.js';
import type { MemberRecord, Problem, Program, SpecialPopulation } from '../../../src/shared/index.js';
import { problemsUnder } from '../lib/problems.js';
import { CheckboxField, CheckboxGroup, RadioGroup, SelectField, TextField } from './fields.js';
import { ASAM_LEVEL_OPTIONS, SPECIAL_POPULATION_OPTIONS } from './member-parts.js';

export interface DemographicValues {
  firstName: string;
  lastName: string;
  preferredName: string;
  pronouns: string;
  dateOfBirth: string;
  sex: MemberSex;
  medicaidId: string;
  phone: string;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
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
  sex: 'U',
  medicaidId: '',
  phone: '',
  addressLine1: '',
  city: '',
  state: '',
  postalCode: '',
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
    sex: member.sex,
    medicaidId: member.medicaidId ?? '',
    phone: member.phone ?? '',
    addressLine1: member.addressLine1 ?? '',
    city: member.city ?? '',
    state: member.state ?? '',
    postalCode: member.postalCode ?? '',
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
    sex: `${idPrefix}-sex-F`,
    medicaidId: `${idPrefix}-medicaid-id`,
    phone: `${idPrefix}-phone`,
    addressLine1: `${idPrefix}-address-line1`,
    city: `${idPrefix}-city`,
    state: `${idPrefix}-state`,
    postalCode: `${idPrefix}-postal-code`,
    programId: `${idPrefix}-program`,
    hasMedicare: `${idPrefix}-has-medicare`,
    asamLevel: `${idPrefix}-asam-level`,
    specialPopulations: `${idPrefix}-special-populations-katie_a`,
  };
}

const SEX_OPTIONS = MEMBER_SEXES.map((sex) => ({ value: sex, label: memberSexLabel(sex) }));

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
      <RadioGroup
        id={`${idPrefix}-sex`}
        legend="Sex"
        hint="As the member’s Medicaid plan records it; claims carry it."
        options={SEX_OPTIONS}
        value={values.sex}
        onChange={set('sex')}
        problems={problemsUnder(problems, 'sex')}
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
      <fieldset className="field fieldset">
        <legend className="field-label">Home address (optional)</legend>
        <p className="field-hint">Claims to the payer need the whole address: street, city, state and ZIP.</p>
        <TextField
          {...text('addressLine1')}
          label="Street address"
          autoComplete="off"
          value={values.addressLine1}
          onValueChange={set('addressLine1')}
        />
        <TextField
          {...text('city')}
          label="City"
          autoComplete="off"
          value={values.city}
          onValueChange={set('city')}
        />
        <div className="field-pair">
          <TextField
            {...text('state')}
            label="State"
            hint="Two letters, e.g. CA."
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={2}
            value={values.state}
            onValueChange={set('state')}
          />
          <TextField
            {...text('postalCode')}
            label="ZIP code"
            hint="Five digits or ZIP+4."
            autoComplete="off"
            inputMode="numeric"
            value={values.postalCode}
            onValueChange={set('postalCode')}
          />
        </div>
      </fieldset>
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
