// The import result when a file was refused: every problem with its JSON path, or every missing plugin,
// one `problem` each, so the user can fix the file (or install the plugins) and try again.
import type { DialogProps } from '../../app/dialogs.js';
import { missingPluginReason } from './import-errors.js';
import type { ImportResultProps } from './import-dialog.js';
import './import.css';

export function ImportResultDialog({ props, close }: DialogProps<ImportResultProps>) {
  const { refusal } = props;
  return (
    <div
      className="dialog import-result"
      role="dialog"
      aria-modal="true"
      aria-labelledby="import-result-title"
      data-testid="import-result"
      data-outcome="refused"
    >
      <h2 id="import-result-title">“{refusal.fileName}” was not imported</h2>
      <p>{refusal.summary}</p>
      {refusal.missingPlugins.length > 0 && (
        <>
          <h3 className="import-result-heading">Missing plugins</h3>
          <ul className="import-problems">
            {refusal.missingPlugins.map((p) => (
              <li key={p.plugin} data-testid="problem" data-plugin={p.plugin}>
                <code className="import-problem-path">{p.plugin}</code>
                <span>{missingPluginReason(p)}</span>
              </li>
            ))}
          </ul>
          <p className="muted import-result-hint">
            Put the plugins into the plugins folder and reload them, then import the file again.
          </p>
        </>
      )}
      {refusal.problems.length > 0 && (
        <ul className="import-problems">
          {refusal.problems.map((p, i) => (
            <li key={`${p.path}:${i}`} data-testid="problem" data-path={p.path}>
              {p.path && <code className="import-problem-path">{p.path}</code>}
              <span>{p.message}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="primary" data-testid="import-result-close" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
