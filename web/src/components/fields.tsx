/**
 * @module web/components/fields
 * Labelled form controls. Each shows its hint and its problems beside it, linked with aria-describedby,
 * and marks itself aria-invalid while it has problems.
 */
import { useState } from 'react';
import type { ChangeEvent, InputHTMLAttributes, JSX, ReactNode, SelectHTMLAttributes } from 'react';
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
  onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void;
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

function FieldProblems({ id, problems }: { id: string; problems: readonly Problem[] }): JSX.Element | null {
  if (problems.length === 0) {
    return null;
  }
  return (
    <div id={id} className="field-error">
      {problems.map((problem, index) => (
        <p key={`${problem.code}-${index}`}>
          <span className="visually-hidden">Error: </span>
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
  const invalid = problems.length > 0;
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
  const invalid = problems.length > 0;
  return (
    <fieldset
      className={invalid ? 'field fieldset field-invalid' : 'field fieldset'}
      aria-describedby={describedByOf(id, hint, problems)}
    >
      <legend className="field-label">{legend}</legend>
      <FieldHelp id={id} hint={hint} problems={problems} />
      <div className="checkboxes">
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
      </div>
    </fieldset>
  );
}
