// The workspace policy (SPEC §4): node types denied outright, and optionally an allow list ("only
// these"). Every type a loaded plugin provides is a row; types the policy names that no plugin
// provides stay listed so they can be removed.
import { useMemo, useState } from 'react';
import type { Workspace } from '../../../preload/contract.js';
import {
  draftFromPolicy,
  policyFromDraft,
  policyRows,
  sameDraft,
  toggleIn,
  type KnownType,
  type PolicyDraft,
} from './policy-model.js';

export function PolicyEditor({
  workspace,
  known,
  onSave,
}: {
  workspace: Workspace;
  known: readonly KnownType[];
  onSave: (policy: ReturnType<typeof policyFromDraft>) => Promise<string | null>;
}) {
  const saved = useMemo(() => draftFromPolicy(workspace.policy), [workspace.policy]);
  const [draft, setDraft] = useState<PolicyDraft>(saved);
  const [query, setQuery] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rows = useMemo(() => policyRows(known, draft, query), [known, draft, query]);
  const changed = !sameDraft(draft, saved);
  const nothingAllowed = draft.restrict && draft.allowed.every((t) => draft.denied.includes(t));

  const save = async () => {
    setSaving(true);
    setError(await onSave(policyFromDraft(draft)));
    setSaving(false);
  };

  return (
    <section className="ws-section" aria-labelledby="ws-policy-title">
      <h3 id="ws-policy-title">Node types</h3>
      <p className="muted ws-help">
        Denied types cannot be added, and a workflow using one does not run. With an allow list, only the
        ticked types may be used.
      </p>
      <div className="ws-row">
        <label className="ws-check">
          <input
            type="checkbox"
            data-testid="policy-restrict"
            checked={draft.restrict}
            onChange={(e) => setDraft({ ...draft, restrict: e.target.checked })}
          />
          Only allow the ticked types
        </label>
        <input
          type="search"
          className="ws-filter"
          placeholder="Filter types"
          aria-label="Filter node types"
          data-testid="policy-filter"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="policy-table-wrap">
        <table className="policy-table" data-testid="policy-table">
          <thead>
            <tr>
              <th scope="col">Type</th>
              <th scope="col">Plugin</th>
              {draft.restrict && <th scope="col">Allowed</th>}
              <th scope="col">Denied</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.type} className={r.usable ? undefined : 'policy-off'} data-testid={`policy-row-${r.type}`}>
                <td className="mono">{r.type}</td>
                <td className="muted">{r.plugin ?? 'not installed'}</td>
                {draft.restrict && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Allow ${r.type}`}
                      data-testid={`policy-allow-${r.type}`}
                      checked={r.allowed}
                      onChange={(e) => setDraft(toggleIn(draft, 'allowed', r.type, e.target.checked))}
                    />
                  </td>
                )}
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Deny ${r.type}`}
                    data-testid={`policy-deny-${r.type}`}
                    checked={r.denied}
                    onChange={(e) => setDraft(toggleIn(draft, 'denied', r.type, e.target.checked))}
                  />
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  {known.length === 0 ? 'Loading node types…' : 'No type matches.'}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {nothingAllowed && <p className="ws-warning">No node type is allowed: nothing could be added or run.</p>}
      {error && (
        <p className="ws-error" role="alert">
          {error}
        </p>
      )}
      <div className="ws-row ws-end">
        <button type="button" disabled={!changed || saving} onClick={() => setDraft(saved)}>
          Revert
        </button>
        <button
          type="button"
          className="primary"
          data-testid="policy-save"
          disabled={!changed || saving}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Apply policy'}
        </button>
      </div>
    </section>
  );
}
