/**
 * @module web/components/fields
 * Labelled form controls. Each shows its hint and its problems beside it, linked with aria-describedby,
 * and marks itself aria-invalid while it has problems of error severity (warnings are shown, labelled as
 * warnings, but do not make the field invalid).
 */
import { useState } from 'react';
import type {
  ChangeEvent,
  InputHTMLAttributes,
  JSX,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import type { Problem } from '../../../src/shared/index.js';

/** What every field with one control (input or select) takes, besides its control's own attributes. */
interface FieldProps {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  problems?: readonly Problem[];
}

/** What the field gives its control: id and value, and the links to its hint and problems. */
interface ControlProps {
  id: string;
  value: string;
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>) => void;
  'aria-describedby': string | undefined;
  'aria-invalid': true | undefined;
}

/** Separates a field's own props from the attributes that are passed on to its control. */
function splitField<P extends FieldProps>(props: P): [FieldProps, Omit<P, keyof FieldProps>] {
  const { id, label, value, onValueChange, hint, problems, ...rest } = props;
  return [{ id, label, value, onValueChange, hint, problems }, rest];
}

function describedByOf(id: string, hint: ReactNode, problems: readonly Problem[]): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, problems.length > 0 ? `${id}-error` : null];
  const joined = ids.filter((value) => value !== null).join(' ');
  return joined === '' ? undefined : joined;
}

function severityPrefix(problem: Problem): string {
  switch (problem.severity) {
    case 'error':
      return 'Error: ';
    case 'warning':
      return 'Warning: ';
    case 'info':
      return 'Note: ';
  }
}

/** Only errors make a field invalid; a warning is advice beside it. */
function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((problem) => problem.severity === 'error');
}

/** A field's problems, each labelled by severity for screen readers; nothing when there are none. */
export function FieldProblems({
  id,
  problems,
}: {
  id: string;
  problems: readonly Problem[];
}): JSX.Element | null {
  if (problems.length === 0) {
    return null;
  }
  return (
    <div id={id} className="field-error">
      {problems.map((problem, index) => (
        <p
          key={`${problem.code}-${index}`}
          className={problem.severity === 'error' ? undefined : 'field-warning'}
        >
          <span className="visually-hidden">{severityPrefix(problem)}</span>
          {problem.message}
        </p>
      ))}
    </div>
  );
}

/** The hint and the problems under a field's label or legend, with the ids `describedByOf` links to. */
function FieldHelp({
  id,
  hint,
  problems,
}: {
  id: string;
  hint: ReactNode;
  problems: readonly Problem[];
}): JSX.Element {
  return (
    <>
      {hint === undefined ? null : (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <FieldProblems id={`${id}-error`} problems={problems} />
    </>
  );
}

function FieldShell({
  field,
  children,
}: {
  field: FieldProps;
  children: (control: ControlProps) => ReactNode;
}): JSX.Element {
  const { id, label, value, onValueChange, hint, problems = [] } = field;
  const invalid = hasErrors(problems);
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <FieldHelp id={id} hint={hint} problems={problems} />
      {children({
        id,
        value,
        onChange: (event) => onValueChange(event.target.value),
        'aria-describedby': describedByOf(id, hint, problems),
        'aria-invalid': invalid || undefined,
      })}
    </div>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends InputRest, FieldProps {}

/** A labelled `<input>` (text, email, date, search…). */
export function TextField(props: TextFieldProps): JSX.Element {
  const [field, { className, ...rest }] = splitField(props);
  return (
    <FieldShell field={field}>
      {(control) => <input {...rest} {...control} className={className ?? 'input'} />}
    </FieldShell>
  );
}

export interface PasswordFieldProps extends Omit<TextFieldProps, 'type'> {
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a Show/Hide toggle, which helps on a phone keyboard. */
export function PasswordField(props: PasswordFieldProps): JSX.Element {
  const [field, rest] = splitField(props);
  const [shown, setShown] = useState(false);
  return (
    <FieldShell field={field}>
      {(control) => (
        <div className="input-with-button">
          <input
            {...rest}
            {...control}
            className="input"
            type={shown ? 'text' : 'password'}
            spellCheck={false}
            autoCapitalize="none"
          />
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={shown}
            aria-controls={field.id}
            onClick={() => setShown((value) => !value)}
          >
            {shown ? 'Hide password' : 'Show password'}
          </button>
        </div>
      )}
    </FieldShell>
  );
}

type SelectRest = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'value' | 'onChange' | 'children'>;

export interface SelectFieldProps extends SelectRest, FieldProps {
  options: readonly { value: string; label: string }[];
}

export function SelectField(props: SelectFieldProps): JSX.Element {
  const [field, { options, ...rest }] = splitField(props);
  return (
    <FieldShell field={field}>
      {(control) => (
        <select {...rest} {...control} className="input">
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

export interface CheckboxGroupProps<V extends string> {
  /** Prefix of the checkbox ids: each is `${id}-${value}`. */
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  selected: readonly V[];
  onChange: (selected: V[]) => void;
  hint?: ReactNode;
  problems?: readonly Problem[];
}

/** A fieldset of choices (checkboxes or radio buttons) with its legend, hint and problems. */
function ChoiceFieldset({
  id,
  legend,
  hint,
  problems,
  children,
}: {
  id: string;
  legend: string;
  hint: ReactNode;
  problems: readonly Problem[];
  children: ReactNode;
}): JSX.Element {
  return (
    <fieldset
      className={hasErrors(problems) ? 'field fieldset field-invalid' : 'field fieldset'}
      aria-describedby={describedByOf(id, hint, problems)}
    >
      <legend className="field-label">{legend}</legend>
      <FieldHelp id={id} hint={hint} problems={problems} />
      <div className="checkboxes">{children}</div>
    </fieldset>
  );
}

/** Checkboxes in a fieldset; its problems are linked to the fieldset. */
export function CheckboxGroup<V extends string>({
  id,
  legend,
  options,
  selected,
  onChange,
  hint,
  problems = [],
}: CheckboxGroupProps<V>): JSX.Element {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} problems={problems}>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        const checked = selected.includes(option.value);
        return (
          <div key={option.value} className="checkbox">
            <input
              id={optionId}
              type="checkbox"
              value={option.value}
              checked={checked}
              onChange={() =>
                onChange(
                  checked
                    ? selected.filter((value) => value !== option.value)
                    : options
                        .map((each) => each.value)
                        .filter((value) => value === option.value || selected.includes(value)),
                )
              }
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

type TextAreaRest = Omit<
  TextareaHTMLAttributes<HTMLTextAreaElement>,
  'id' | 'value' | 'onChange' | 'children'
>;

export interface TextAreaFieldProps extends TextAreaRest, FieldProps {}

/** A labelled `<textarea>` for longer text (a note's Plan, Interaction, Next steps; comments). */
export function TextAreaField(props: TextAreaFieldProps): JSX.Element {
  const [field, { className, ...rest }] = splitField(props);
  return (
    <FieldShell field={field}>
      {(control) => <textarea {...rest} {...control} className={className ?? 'input textarea'} />}
    </FieldShell>
  );
}

export interface RadioGroupProps<V extends string> {
  /** Prefix of the radio ids: each is `${id}-${value}`; also the radios' `name`. */
  id: string;
  legend: string;
  options: readonly { value: V; label: string }[];
  /** The chosen value; null when none is chosen yet. */
  value: V | null;
  onChange: (value: V) => void;
  hint?: ReactNode;
  problems?: readonly Problem[];
}

/** Radio buttons in a fieldset, for a short list of choices that should all be visible (on a phone too). */
export function RadioGroup<V extends string>({
  id,
  legend,
  options,
  value,
  onChange,
  hint,
  problems = [],
}: RadioGroupProps<V>): JSX.Element {
  return (
    <ChoiceFieldset id={id} legend={legend} hint={hint} problems={problems}>
      {options.map((option) => {
        const optionId = `${id}-${option.value}`;
        return (
          <div key={option.value} className="checkbox">
            <input
              id={optionId}
              type="radio"
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            <label htmlFor={optionId}>{option.label}</label>
          </div>
        );
      })}
    </ChoiceFieldset>
  );
}

export interface CheckboxFieldProps {
  id: string;
  label: string;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  hint?: ReactNode;
  problems?: readonly Problem[];
}

/** One checkbox for a yes/no fact, with its hint and problems. */
export function CheckboxField({
  id,
  label,
  checked,
  onCheckedChange,
  hint,
  problems = [],
}: CheckboxFieldProps): JSX.Element {
  const invalid = hasErrors(problems);
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          onChange={(event) => onCheckedChange(event.target.checked)}
          aria-describedby={describedByOf(id, hint, problems)}
          aria-invalid={invalid || undefined}
        />
        <label htmlFor={id}>{label}</label>
      </div>
      <FieldHelp id={id} hint={hint} problems={problems} />
    </div>
  );
}
