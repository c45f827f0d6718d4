/**
 * @module web/components/fields
 * Labelled form controls. Each shows its hint and its problems beside it, linked with aria-describedby,
 * and marks itself aria-invalid while it has problems.
 */
import { useState } from 'react';
import type { InputHTMLAttributes, JSX, ReactNode, SelectHTMLAttributes } from 'react';
import type { Problem } from '../../../src/shared/index.js';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  problems: readonly Problem[];
  children: (described: { describedBy: string | undefined; invalid: boolean }) => ReactNode;
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

function FieldShell({ id, label, hint, problems, children }: FieldShellProps): JSX.Element {
  const invalid = problems.length > 0;
  return (
    <div className={invalid ? 'field field-invalid' : 'field'}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {hint === undefined ? null : (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <FieldProblems id={`${id}-error`} problems={problems} />
      {children({ describedBy: describedByOf(id, hint, problems), invalid })}
    </div>
  );
}

type InputRest = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange' | 'children'>;

export interface TextFieldProps extends InputRest {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  hint?: ReactNode;
  problems?: readonly Problem[];
}

/** A labelled `<input>` (text, email, date, search…). */
export function TextField({
  id,
  label,
  value,
  onValueChange,
  hint,
  problems = [],
  className,
  ...rest
}: TextFieldProps): JSX.Element {
  return (
    <FieldShell id={id} label={label} hint={hint} problems={problems}>
      {({ describedBy, invalid }) => (
        <input
          {...rest}
          id={id}
          className={className ?? 'input'}
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        />
      )}
    </FieldShell>
  );
}

export interface PasswordFieldProps extends Omit<TextFieldProps, 'type'> {
  autoComplete: 'current-password' | 'new-password';
}

/** A password input with a Show/Hide toggle, which helps on a phone keyboard. */
export function PasswordField({
  id,
  label,
  value,
  onValueChange,
  hint,
  problems = [],
  ...rest
}: PasswordFieldProps): JSX.Element {
  const [shown, setShown] = useState(false);
  return (
    <FieldShell id={id} label={label} hint={hint} problems={problems}>
      {({ describedBy, invalid }) => (
        <div className="input-with-button">
          <input
            {...rest}
            id={id}
            className="input"
            type={shown ? 'text' : 'password'}
            value={value}
            spellCheck={false}
            autoCapitalize="none"
            onChange={(event) => onValueChange(event.target.value)}
            aria-describedby={describedBy}
            aria-invalid={invalid || undefined}
          />
          <button
            type="button"
            className="button button-secondary"
            aria-pressed={shown}
            aria-controls={id}
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

export interface SelectFieldProps extends SelectRest {
  id: string;
  label: string;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  hint?: ReactNode;
  problems?: readonly Problem[];
}

export function SelectField({
  id,
  label,
  value,
  onValueChange,
  options,
  hint,
  problems = [],
  ...rest
}: SelectFieldProps): JSX.Element {
  return (
    <FieldShell id={id} label={label} hint={hint} problems={problems}>
      {({ describedBy, invalid }) => (
        <select
          {...rest}
          id={id}
          className="input"
          value={value}
          onChange={(event) => onValueChange(event.target.value)}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
        >
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
      {hint === undefined ? null : (
        <div id={`${id}-hint`} className="field-hint">
          {hint}
        </div>
      )}
      <FieldProblems id={`${id}-error`} problems={problems} />
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
