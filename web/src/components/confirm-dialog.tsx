/**
 * @module web/components/confirm-dialog
 * Asks the user to confirm an action that is hard to undo. Focus starts on Cancel.
 */
import { useId, useRef } from 'react';
import type { JSX, ReactNode } from 'react';
import { Dialog } from './dialog.js';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  /** Text of the confirm button, naming the action ("Deactivate account"). */
  confirmLabel: string;
  /** Styles the confirm button as destructive. */
  destructive?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  destructive = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps): JSX.Element {
  const titleId = useId();
  const descriptionId = useId();
  const cancelButton = useRef<HTMLButtonElement>(null);
  return (
    <Dialog
      open={open}
      titleId={titleId}
      descriptionId={descriptionId}
      role="alertdialog"
      initialFocus={cancelButton}
      onCancel={onCancel}
    >
      <h2 id={titleId}>{title}</h2>
      <div id={descriptionId}>{children}</div>
      <div className="button-row">
        <button type="button" className={destructive ? 'button button-danger' : 'button'} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button ref={cancelButton} type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
