// A confirmation for something that cannot be undone (delete a workflow, a workspace). Unlike the
// built-in choice dialog, the safe answer has the focus, so Enter or Escape never destroys anything.
import type { DialogProps } from '../../app/dialogs.js';

export const CONFIRM_DIALOG = 'confirm-danger';

export interface ConfirmDialogProps {
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  /** Test id of the confirming button. */
  readonly testId: string;
  readonly onConfirm: () => void;
}

export function ConfirmDialog({ props, close }: DialogProps<ConfirmDialogProps>) {
  return (
    <div
      className="dialog"
      role="alertdialog"
      aria-modal="true"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-message"
      data-testid="dialog"
    >
      <h2 id="confirm-title">{props.title}</h2>
      <p id="confirm-message">{props.message}</p>
      <div className="actions">
        <button type="button" data-testid="confirm-cancel" autoFocus onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          data-testid={props.testId}
          onClick={() => {
            close();
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </div>
  );
}
