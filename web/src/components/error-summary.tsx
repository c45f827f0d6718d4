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
  /** Changes on every failed submit; each change moves focus to the summary. */
  focusKey?: number;
  title?: string;
}

export function ErrorSummary({
  problems,
  fieldIds = {},
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
          const field = topFieldOf(problem);
          const targetId =
            field === null ? undefined : (fieldIds[fieldOfPath(problem.path)] ?? fieldIds[field]);
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
