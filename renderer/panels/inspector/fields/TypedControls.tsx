// Controls for typed values: a number (typed as text, so "1e" or "-" can stay on screen while being
// typed; arrow keys step it), a checkbox, a choice, and JSON text with its parse error.
import type { KeyboardEvent } from 'react';
import { formatJson, formatNumber, parseJson, parseNumber, sameValue } from '../field-value.js';
import { defaultHint, rowsFor, type ControlProps } from './control-props.js';
import { useDraft } from './use-draft.js';

const draftErrorId = (p: ControlProps): string => `${p.inputId}-draft`;

function inputProps(p: ControlProps, mono: boolean, invalid: boolean, draftError: string | null = null) {
  // A draft that does not parse is described by its own message, so a screen reader (and a test) finds
  // it from the input just as it finds the message of a stored value's problem.
  const describedBy = [p.describedBy, draftError === null ? undefined : draftErrorId(p)].filter(Boolean).join(' ');
  return {
    id: p.inputId,
    'data-testid': p.testId,
    className: `param-input${mono ? ' mono' : ''}${invalid ? ' invalid' : ''}`,
    'aria-invalid': invalid,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
  };
}

/** A parse error under the control (the field's own message covers stored values). */
function DraftError({ error, p }: { error: string | null; p: ControlProps }) {
  return error ? (
    <span className="field-problem" role="alert" id={draftErrorId(p)} data-testid={`problem-${p.testId}`}>
      {error}
    </span>
  ) : null;
}

export function NumberInput(p: ControlProps) {
  const { spec } = p;
  const draft = useDraft(p.value, formatNumber, (t) => parseNumber(t, spec), p.onChange);
  const step = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const current =
      typeof p.value === 'number' ? p.value : typeof spec.defaultValue === 'number' ? spec.defaultValue : 0;
    const by = (e.shiftKey ? 10 : 1) * (e.key === 'ArrowUp' ? 1 : -1);
    let next = current + by;
    if (spec.minimum !== undefined) next = Math.max(spec.minimum, next);
    if (spec.maximum !== undefined) next = Math.min(spec.maximum, next);
    e.preventDefault();
    draft.edit(String(next));
  };
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        {...inputProps(p, false, p.invalid || draft.error !== null, draft.error)}
        value={draft.text}
        placeholder={defaultHint(spec)}
        onKeyDown={step}
        onChange={(e) => draft.edit(e.target.value)}
      />
      <DraftError error={draft.error} p={p} />
    </>
  );
}

export function BooleanInput(p: ControlProps) {
  const unset = p.value === undefined;
  const checked = unset ? p.spec.defaultValue === true : p.value === true;
  return (
    <span className="field-checkbox">
      <input
        type="checkbox"
        {...inputProps(p, false, p.invalid)}
        checked={checked}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <span className="muted">
        {unset && p.spec.hasDefault ? `${String(checked)} (default)` : String(checked)}
      </span>
    </span>
  );
}

/** A choice; the empty option (optional fields, or ones with a default) removes the value. */
export function EnumSelect(p: ControlProps & { readonly labels?: ReadonlyMap<unknown, string> }) {
  const values = p.spec.enumValues ?? [];
  const index = values.findIndex((v) => sameValue(v, p.value));
  const label = (v: unknown) => p.labels?.get(v) ?? (typeof v === 'string' ? v : JSON.stringify(v));
  const offersEmpty = !p.spec.required || p.spec.hasDefault || p.value === undefined;
  return (
    <select
      {...inputProps(p, false, p.invalid)}
      value={p.value === undefined ? '' : index === -1 ? 'other' : String(index)}
      onChange={(e) => {
        const v = e.target.value;
        if (v === '') p.onChange(undefined);
        else if (v !== 'other') p.onChange(values[Number(v)]);
      }}
    >
      {offersEmpty && (
        <option value="">{p.spec.hasDefault ? `Default (${label(p.spec.defaultValue)})` : '—'}</option>
      )}
      {values.map((v, i) => (
        <option key={i} value={String(i)}>
          {label(v)}
        </option>
      ))}
      {index === -1 && p.value !== undefined && (
        <option value="other">{JSON.stringify(p.value)} (not allowed)</option>
      )}
    </select>
  );
}

export function JsonInput(p: ControlProps) {
  const draft = useDraft(p.value, formatJson, parseJson, p.onChange);
  const hint =
    p.spec.hasDefault && p.spec.defaultValue !== undefined ? JSON.stringify(p.spec.defaultValue) : undefined;
  return (
    <>
      <textarea
        {...inputProps(p, true, p.invalid || draft.error !== null, draft.error)}
        rows={rowsFor(draft.text, 2, 16)}
        spellCheck={false}
        value={draft.text}
        placeholder={hint}
        onChange={(e) => draft.edit(e.target.value)}
      />
      <DraftError error={draft.error} p={p} />
    </>
  );
}
