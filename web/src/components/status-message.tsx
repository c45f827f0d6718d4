/**
 * @module web/components/status-message
 * A polite live region for confirmations ("Saved."). The region is always in the page, so screen readers
 * announce the message when it appears.
 */
import type { JSX, Ref } from 'react';

export interface StatusMessageProps {
  message: string | null;
  /** Lets the page move focus to the message after the control that was used has gone away. */
  ref?: Ref<HTMLParagraphElement>;
}

export function StatusMessage({ message, ref }: StatusMessageProps): JSX.Element {
  return (
    <div role="status" className="status-region">
      {message === null ? null : (
        <p ref={ref} className="notice notice-success" tabIndex={-1}>
          {message}
        </p>
      )}
    </div>
  );
}
