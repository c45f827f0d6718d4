/**
 * @module web/components/error-summary
 * The list of everything wrong with a form submission, at the top of the form. It is an alert, and it takes
 * focus after each failed submit; problems about a field link to that field, which also shows its message.
 */
import { useEffect, useId, useRef } from 'react';
import type { JSX } from 'react';
import { fieldOfPath } from '../../../src/shared/index.js';
import type { Problem } from '../../../src/shared/index.js';
import { topFieldOf } from '../lib/problems.js';

export interface ErrorSummaryProps {
  problems: readonly Problem[];
  /**
   * Field name → id of the control to link to. The whole dotted name (`pin.plan`) is tried first, then the
   * first path segment after `body`/`query` (`pin`).
   */
  fieldIds?: Readonly<Record<string, string>>;
  /**
   * The id of the control a problem about a note field (`['fields', …]`) links to, for the forms that have
   * note fields (see web/lib/note-problems `controlIdOf`); tried before `fieldIds`.
   */
  controlIdOf?: (problem: Problem) => string | undefined;
  /** Changes on every failed submit; each change moves focus to the summary. */
  focusKey?: number;
  title?: string;
}

export function ErrorSummary({
  problems,
  fieldIds = {},
  controlIdOf,
  focusKey = 0,
  title = 'There is a problem',
}: ErrorSummaryProps): JSX.Element | null {
  const summary = useRef<HTMLDivElement>(null);
  const titleId = useId();

  useEffect(() => {
    if (focusKey > 0) {
      summary.current?.focus();
    }
  }, [focusKey]);

  if (problems.length === 0) {
    return null;
  }
  return (
    <div ref={summary} className="error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <h2 id={titleId} className="error-summary-title">
        {title}
      </h2>
      <ul>
        {problems.map((problem, index) => {
          const targetId = controlIdOf?.(problem) ?? requestControlId(problem, fieldIds);
          return (
            <li key={`${problem.code}-${index}`}>
              {targetId === undefined ? (
                problem.message
              ) : (
                <a
                  href={`#${targetId}`}
                  onClick={(event) => {
                    event.preventDefault();
                    document.getElementById(targetId)?.focus();
                  }}
                >
                  {problem.message}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** The control a problem about a request field links to: its whole dotted name, else its top field. */
function requestControlId(problem: Problem, fieldIds: Readonly<Record<string, string>>): string | undefined {
  const field = topFieldOf(problem);
  return field === null ? undefined : (fieldIds[fieldOfPath(problem.path)] ?? fieldIds[field]);
}
