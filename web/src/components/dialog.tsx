/**
 * @module web/components/dialog
 * A modal dialog on the native `<dialog>` element: the browser traps focus, makes the page behind it inert
 * and closes it with Escape (reported through `onCancel`).
 */
import { useEffect, useRef } from 'react';
import type { JSX, ReactNode, RefObject } from 'react';

export interface DialogProps {
  open: boolean;
  /** Id of the dialog's heading, which names it. */
  titleId: string;
  /** Id of the text that describes it. */
  descriptionId?: string;
  /** `alertdialog` for dialogs that need an answer before the user can go on. */
  role?: 'dialog' | 'alertdialog';
  /** Element to focus when the dialog opens; otherwise the browser focuses the first control. */
  initialFocus?: RefObject<HTMLElement | null>;
  /** Escape pressed: the owner decides whether and how to close. */
  onCancel: () => void;
  children: ReactNode;
}

export function Dialog({
  open,
  titleId,
  descriptionId,
  role = 'dialog',
  initialFocus,
  onCancel,
  children,
}: DialogProps): JSX.Element {
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element === null) {
      return;
    }
    if (open && !element.open) {
      element.showModal();
      initialFocus?.current?.focus();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open, initialFocus]);

  return (
    <dialog
      ref={dialog}
      className="dialog"
      role={role}
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {open ? children : null}
    </dialog>
  );
}
