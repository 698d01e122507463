// The keyboard shortcuts, listed from the shortcut table itself (app/shortcuts.ts) so the help never
// drifts from what the keys do. A dialog: `?` or the header's button opens it, Escape closes it.
import { useMemo } from 'react';
import type { DialogProps } from '../../app/dialogs.js';
import { SHORTCUTS } from '../../app/shortcuts.js';
import { groupShortcuts, isMacPlatform, keyCombos } from './shortcut-keys.js';
import './help.css';

function Keys({ keys, mac }: { keys: string; mac: boolean }) {
  return (
    <span className="shortcut-keys">
      {keyCombos(keys, mac).map((combo, i) => (
        <span key={combo.join('+')} className="shortcut-combo">
          {i > 0 && <span className="muted"> or </span>}
          {combo.map((k) => (
            <kbd key={k}>{k}</kbd>
          ))}
        </span>
      ))}
    </span>
  );
}

export function ShortcutsHelp({ close }: DialogProps) {
  const mac = useMemo(isMacPlatform, []);
  const groups = useMemo(() => groupShortcuts(SHORTCUTS), []);
  return (
    <div
      className="dialog shortcuts-help"
      role="dialog"
      aria-modal="true"
      aria-labelledby="shortcuts-title"
      data-testid="shortcuts-help"
    >
      <h2 id="shortcuts-title">Keyboard shortcuts</h2>
      <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group.title}>
            <h3>{group.title}</h3>
            <dl>
              {group.shortcuts.map((s) => (
                <div key={s.action} className="shortcut-row" data-testid={`shortcut-${s.action}`}>
                  <dt>{s.description}</dt>
                  <dd>
                    <Keys keys={s.keys} mac={mac} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <p className="muted shortcuts-note">Shortcuts that edit the canvas wait while you type in a field.</p>
      <div className="actions">
        <button type="button" className="primary" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
