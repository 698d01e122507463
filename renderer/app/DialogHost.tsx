// Shows the ui store's dialog: the built-in choice dialog, or one registered in dialogs.ts.
import { useEffect } from 'react';
import { useUiStore, type ChoiceDialog } from '../stores/ui.store.js';
import { dialogFor } from './dialogs.js';

function Choice({ dialog, close }: { dialog: ChoiceDialog; close: () => void }) {
  return (
    <div
      className="dialog"
      role="dialog"
      aria-modal="true"
      aria-labelledby="dialog-title"
      data-testid="dialog"
    >
      <h2 id="dialog-title">{dialog.title}</h2>
      <p>{dialog.message}</p>
      <div className="actions">
        {dialog.choices.map((c, i) => (
          <button
            key={c.label}
            type="button"
            className={i === 0 ? 'primary' : undefined}
            data-testid={c.testId}
            autoFocus={i === 0}
            onClick={() => {
              close();
              c.run();
            }}
          >
            {c.label}
          </button>
        ))}
      </div>
    </div>
  );
}

export function DialogHost() {
  const dialog = useUiStore((s) => s.dialog);
  const close = useUiStore((s) => s.closeDialog);
  useEffect(() => {
    if (!dialog) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dialog, close]);
  if (!dialog) return null;
  const Custom = dialog.kind === 'choice' ? undefined : dialogFor(dialog.kind);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      {dialog.kind === 'choice' ? (
        <Choice dialog={dialog as ChoiceDialog} close={close} />
      ) : (
        Custom && <Custom props={'props' in dialog ? dialog.props : undefined} close={close} />
      )}
    </div>
  );
}
