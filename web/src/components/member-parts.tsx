/**
 * @module web/components/member-parts
 * Pieces the member pages share: option lists in plain words, a member's name as people use it, and
 * `RecordForm` — one form for any part of a member's record whose fields are all text, dates or choices
 * (contacts, coverage, eligibility checks, diagnoses, episodes, consents), checked with the part's shared
 * schema before it is sent.
 */
import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { JSX } from 'react';
import type { z } from 'zod';
import {
  ASAM_LEVELS,
  CONSENT_KINDS,
  CONTACT_KINDS,
  ELIGIBILITY_CRITERIA,
  ELIGIBILITY_RESULTS,
} from '../../../src/shared/documentation.js';
import {
  DIAGNOSIS_CATEGORIES,
  SPECIAL_POPULATIONS,
  asamLevelLabel,
  consentKindLabel,
  contactKindLabel,
  diagnosisCategoryLabel,
  eligibilityCriterionLabel,
  eligibilityResultLabel,
  specialPopulationLabel,
} from '../../../src/shared/index.js';
import type { MemberSummary } from '../../../src/shared/index.js';
import { formatDate } from '../lib/format.js';
import { problemsUnder } from '../lib/problems.js';
import { useSchemaForm } from '../lib/use-schema-form.js';
import { ErrorSummary } from './error-summary.js';
import { SelectField, TextAreaField, TextField } from './fields.js';

export interface Option<V extends string = string> {
  value: V;
  label: string;
}

const optionsOf = <V extends string>(values: readonly V[], label: (value: V) => string): Option<V>[] =>
  values.map((value) => ({ value, label: label(value) }));

export const CONTACT_KIND_OPTIONS = optionsOf(CONTACT_KINDS, contactKindLabel);
export const CONSENT_KIND_OPTIONS = optionsOf(CONSENT_KINDS, consentKindLabel);
export const ELIGIBILITY_RESULT_OPTIONS = optionsOf(ELIGIBILITY_RESULTS, eligibilityResultLabel);
export const ELIGIBILITY_CRITERION_OPTIONS = optionsOf(ELIGIBILITY_CRITERIA, eligibilityCriterionLabel);
export const DIAGNOSIS_CATEGORY_OPTIONS = optionsOf(DIAGNOSIS_CATEGORIES, diagnosisCategoryLabel);
export const SPECIAL_POPULATION_OPTIONS = optionsOf(SPECIAL_POPULATIONS, specialPopulationLabel);
export const ASAM_LEVEL_OPTIONS: Option[] = [
  { value: '', label: 'None' },
  ...optionsOf(ASAM_LEVELS, asamLevelLabel),
];

/** "Rosa Delgado (Ro)": legal name, with the name the member goes by when it differs. */
export function memberName(member: Pick<MemberSummary, 'firstName' | 'lastName' | 'preferredName'>): string {
  const name = `${member.firstName} ${member.lastName}`;
  return member.preferredName === null || member.preferredName === member.firstName
    ? name
    : `${name} (${member.preferredName})`;
}

/** "510-555-0142" for ten digits; anything else unchanged. */
export function formatPhone(phone: string): string {
  return /^\d{10}$/.test(phone) ? `${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}` : phone;
}

/** The facts that tell members apart, as `<dl>` rows: date of birth, Medicaid ID, program, peer. */
export function MemberFacts({ member }: { member: MemberSummary }): JSX.Element {
  return (
    <>
      <div>
        <dt>Date of birth</dt>
        <dd>
          <time dateTime={member.dateOfBirth}>{formatDate(member.dateOfBirth)}</time>
        </dd>
      </div>
      <div>
        <dt>Medicaid ID</dt>
        <dd>{member.medicaidId ?? 'None recorded'}</dd>
      </div>
      <div>
        <dt>Program</dt>
        <dd>{member.program.name}</dd>
      </div>
      <div>
        <dt>Peer</dt>
        <dd>{member.assignedPeer?.displayName ?? 'Not assigned'}</dd>
      </div>
    </>
  );
}

/** Save (busy while sending) and, when the form can be closed, Cancel. */
export function FormButtons({
  submitting,
  submitLabel,
  onCancel,
}: {
  submitting: boolean;
  submitLabel: string;
  onCancel?: (() => void) | undefined;
}): JSX.Element {
  return (
    <div className="button-row">
      <button type="submit" className="button" disabled={submitting}>
        {submitting ? 'Saving…' : submitLabel}
      </button>
      {onCancel === undefined ? null : (
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}

/** One field of a {@link RecordForm}. */
export interface RecordField {
  name: string;
  label: string;
  kind: 'text' | 'date' | 'tel' | 'email' | 'select' | 'textarea';
  /** For `select`: the choices (put `{ value: '', label: 'Choose…' }` first when nothing is chosen yet). */
  options?: readonly Option[];
  hint?: string;
  /** Shown after the label as "(optional)". */
  optional?: boolean;
}

export type RecordValues = Record<string, string>;

export interface RecordFormProps<S extends z.ZodType, R> {
  /** Prefix of the field ids, unique on the page (e.g. `coverage-new`, `coverage-<id>`). */
  idPrefix: string;
  fields: readonly RecordField[];
  schema: S;
  initial: RecordValues;
  submitLabel: string;
  /** Sends the checked request. */
  send: (value: z.infer<S>) => Promise<R>;
  onSaved: (result: R) => void;
  onCancel?: () => void;
}

/** A form over text fields, checked with the shared schema (which turns blanks into "none"), then sent. */
export function RecordForm<S extends z.ZodType, R>({
  idPrefix,
  fields,
  schema,
  initial,
  submitLabel,
  send,
  onSaved,
  onCancel,
}: RecordFormProps<S, R>): JSX.Element {
  const [values, setValues] = useState<RecordValues>(initial);
  const formRef = useFocusFirstField();
  const fieldIds = Object.fromEntries(fields.map((field) => [field.name, `${idPrefix}-${field.name}`]));
  const form = useSchemaForm({
    schema,
    // The form holds every field as text; the schema checks each and converts blanks and formats.
    input: values as z.input<S>,
    send,
    afterSuccess: 'stay',
    onSuccess: onSaved,
  });
  return (
    <>
      <ErrorSummary problems={form.problems} fieldIds={fieldIds} focusKey={form.focusKey} />
      <form ref={formRef} onSubmit={form.submit} noValidate className="form record-form">
        {fields.map((field) => {
          const common = {
            id: fieldIds[field.name] ?? field.name,
            name: field.name,
            label: field.optional === true ? `${field.label} (optional)` : field.label,
            value: values[field.name] ?? '',
            onValueChange: (value: string) => setValues((current) => ({ ...current, [field.name]: value })),
            problems: problemsUnder(form.problems, field.name),
            ...(field.hint === undefined ? {} : { hint: field.hint }),
          };
          switch (field.kind) {
            case 'select':
              return <SelectField key={field.name} {...common} options={field.options ?? []} />;
            case 'textarea':
              return <TextAreaField key={field.name} {...common} rows={3} />;
            case 'tel':
              return <TextField key={field.name} {...common} type="tel" inputMode="tel" autoComplete="off" />;
            case 'email':
              return (
                <TextField
                  key={field.name}
                  {...common}
                  type="email"
                  inputMode="email"
                  autoCapitalize="none"
                  spellCheck={false}
                  autoComplete="off"
                />
              );
            case 'date':
              return <TextField key={field.name} {...common} type="date" />;
            case 'text':
              return <TextField key={field.name} {...common} autoComplete="off" />;
          }
        })}
        <FormButtons submitting={form.submitting} submitLabel={submitLabel} onCancel={onCancel} />
      </form>
    </>
  );
}

/**
 * A form that opens in place of the button that opened it: its first field takes focus when it appears, so
 * keyboard and screen-reader users land in it.
 */
export function useFocusFirstField(): RefObject<HTMLFormElement | null> {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, []);
  return form;
}

export interface FocusAfterClose {
  /** The section's heading (give it tabIndex -1): focus returns there when a form is cancelled. */
  heading: RefObject<HTMLHeadingElement | null>;
  /** The confirmation: focus moves there after a save. */
  message: RefObject<HTMLParagraphElement | null>;
  /** Call when a form closes; focus moves once the page has re-rendered. */
  closed: (how: 'saved' | 'cancelled') => void;
}

/**
 * Where focus goes when an in-place form closes (the control that had it is gone): to the confirmation after
 * a save, to the section's heading after Cancel.
 */
export function useFocusAfterClose(): FocusAfterClose {
  const heading = useRef<HTMLHeadingElement>(null);
  const message = useRef<HTMLParagraphElement>(null);
  const [closing, setClosing] = useState<{ how: 'saved' | 'cancelled'; count: number } | null>(null);
  useEffect(() => {
    if (closing === null) {
      return;
    }
    (closing.how === 'saved' ? message.current : heading.current)?.focus();
  }, [closing]);
  return {
    heading,
    message,
    closed: (how) => setClosing((current) => ({ how, count: (current?.count ?? 0) + 1 })),
  };
}

/** The record's values as form text: null becomes blank. */
export function textValues(record: Readonly<Record<string, string | null>>): RecordValues {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, value ?? '']));
}
