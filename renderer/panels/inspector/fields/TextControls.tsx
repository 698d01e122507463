// Controls that edit text: one line, several lines, code (never a template), an expression standing
// in for a typed value, and text that may also read as a boolean or number. A template shows in
// monospace so its `{{ … }}` parts stand out.
import { isTemplateText } from '../field-check.js';
import { formatMixed, parseMixed } from '../field-value.js';
import { defaultHint, rowsFor, type ControlProps } from './control-props.js';
import { useDraft } from './use-draft.js';

function common(p: ControlProps, mono: boolean) {
  return {
    id: p.inputId,
    'data-testid': p.testId,
    className: `param-input${mono ? ' mono' : ''}${p.invalid ? ' invalid' : ''}`,
    'aria-invalid': p.invalid,
    'aria-describedby': p.describedBy,
    spellCheck: false,
    autoFocus: p.autoFocus,
  };
}

/** An emptied field removes the key, so the default (or "required") applies again. */
const emptyToUndefined = (text: string): string | undefined => (text === '' ? undefined : text);

export function StringInput(p: ControlProps) {
  const text = typeof p.value === 'string' ? p.value : '';
  return (
    <input
      type="text"
      {...common(p, isTemplateText(p.value))}
      value={text}
      placeholder={defaultHint(p.spec)}
      maxLength={p.spec.maxLength !== undefined ? Math.max(p.spec.maxLength, text.length) : undefined}
      onChange={(e) => p.onChange(emptyToUndefined(e.target.value))}
    />
  );
}

export function TextArea(p: ControlProps & { readonly code?: boolean }) {
  const text = typeof p.value === 'string' ? p.value : '';
  return (
    <textarea
      {...common(p, p.code === true || isTemplateText(p.value))}
      rows={rowsFor(text, p.code ? 6 : 3, 18)}
      value={text}
      placeholder={defaultHint(p.spec)}
      onChange={(e) => p.onChange(emptyToUndefined(e.target.value))}
    />
  );
}

/** A typed field (number, boolean, choice, JSON) holding a template instead. */
export function ExpressionInput(p: ControlProps) {
  const text = typeof p.value === 'string' ? p.value : '';
  const props = common(p, true);
  const change = (next: string) => p.onChange(emptyToUndefined(next));
  if (text.includes('\n')) {
    return (
      <textarea
        {...props}
        rows={rowsFor(text, 2, 12)}
        value={text}
        onChange={(e) => change(e.target.value)}
      />
    );
  }
  return (
    <input
      type="text"
      {...props}
      value={text}
      placeholder="{{ input.in.value }}"
      onFocus={(e) => {
        // Fresh from the switch: put the caret between the braces.
        if (p.autoFocus && text === '{{  }}') e.target.setSelectionRange(3, 3);
      }}
      onChange={(e) => change(e.target.value)}
    />
  );
}

/** Text that means a boolean or number when it is one (`true`, `3`), where the schema allows those. */
export function MixedInput(p: ControlProps) {
  const draft = useDraft(p.value, formatMixed, (t) => parseMixed(t, p.spec), p.onChange);
  return (
    <input
      type="text"
      {...common(p, !p.spec.templatable || isTemplateText(p.value))}
      value={draft.text}
      placeholder={defaultHint(p.spec)}
      onChange={(e) => draft.edit(e.target.value)}
    />
  );
}
