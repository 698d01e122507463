// What every field control receives: the field, its value, where to send a new one, and the ids that
// tie it to its label, its message and the tests.
import type { FieldSpec } from '../field-spec.js';

export interface ControlProps {
  readonly spec: FieldSpec;
  readonly value: unknown;
  readonly onChange: (value: unknown) => void;
  /** The input's element id (its label's `htmlFor`). */
  readonly inputId: string;
  /** The input's `data-testid` (`param-<name>` for params). */
  readonly testId: string;
  /** The id of the element holding the field's message, when it shows one. */
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  /** Focus the input when it appears (the user just switched it to an expression). */
  readonly autoFocus?: boolean;
}

/** The placeholder that shows a field's default. */
export function defaultHint(spec: FieldSpec): string | undefined {
  if (!spec.hasDefault || spec.defaultValue === undefined) return undefined;
  const v = spec.defaultValue;
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** Rows for a text box: its lines, within limits. */
export function rowsFor(text: string, min: number, max: number): number {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1 && lines < max; i = text.indexOf('\n', i + 1)) lines++;
  return Math.min(max, Math.max(min, lines));
}
