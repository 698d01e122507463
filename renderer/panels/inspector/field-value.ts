// Between a field's text and its value: how each kind of input shows a value and reads back what was
// typed, and the switch of a typed field to an expression (a `{{ … }}` template) and back. Pure.
import { scanTemplate } from '../../../engine/expr/scan.js';
import { checkField, isTemplateText } from './field-check.js';
import type { FieldSpec } from './field-spec.js';

/** What typing produced: a value to store (`undefined` removes the key), or why it cannot be one yet. */
export type Parsed =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string };

const ok = (value: unknown): Parsed => ({ ok: true, value });

/** Same JSON value. Key order counts, which is fine here: both sides come from the same edits or parse. */
export function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

export function formatNumber(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : String(value);
}

/** A number as typed: empty removes it; a template is kept as text where templates are allowed. */
export function parseNumber(text: string, spec: Pick<FieldSpec, 'templatable'>): Parsed {
  const t = text.trim();
  if (t === '') return ok(undefined);
  if (spec.templatable && isTemplateText(t)) return ok(text);
  // Number('') and Number(' ') are 0, and Number('0x10') is 16: accept decimal notation only.
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return { ok: false, error: 'not a number' };
  const n = Number(t);
  return Number.isFinite(n) ? ok(n) : { ok: false, error: 'too large' };
}

export function formatJson(value: unknown): string {
  return value === undefined ? '' : JSON.stringify(value, null, 2);
}

export function parseJson(text: string): Parsed {
  if (text.trim() === '') return ok(undefined);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (err) {
    return { ok: false, error: `not valid JSON: ${(err as Error).message}` };
  }
}

export function formatMixed(value: unknown): string {
  return value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** Text for a field that takes text or a boolean/number: `true` or `3` mean those where allowed. */
export function parseMixed(text: string, spec: Pick<FieldSpec, 'types'>): Parsed {
  if (text === '') return ok(undefined);
  const types = spec.types ?? [];
  const t = text.trim();
  if (types.includes('boolean') && (t === 'true' || t === 'false')) return ok(t === 'true');
  if (types.includes('number') || types.includes('integer')) {
    const n = parseNumber(t, { templatable: false });
    if (n.ok && n.value !== undefined) return n;
  }
  return ok(text);
}

/** The expression that gives `value`: `5` → `{{ 5 }}`; nothing yet → `{{  }}`. */
export function toExpression(value: unknown): string {
  if (isTemplateText(value)) return value;
  return value === undefined ? '{{  }}' : `{{ ${JSON.stringify(value)} }}`;
}

/**
 * Back from an expression to a plain value: the literal inside a template that is only that literal
 * (`{{ 5 }}` → 5) when it suits the field; anything else cannot be kept, so the field is cleared.
 */
export function fromExpression(text: string, spec: FieldSpec): unknown {
  const parts = scanTemplate(text);
  if (!parts || parts.length !== 1 || text.trim() !== text.slice(parts[0]!.start, parts[0]!.end))
    return undefined;
  const inner = parts[0]!.expression.trim();
  let value: unknown;
  try {
    value = JSON.parse(inner) as unknown;
  } catch {
    return undefined;
  }
  return checkField({ ...spec, templatable: false }, value) === null ? value : undefined;
}

/** Whether the field shows an expression box rather than its typed input. */
export function showsExpression(spec: FieldSpec, value: unknown): boolean {
  if (!spec.templatable || !isTemplateText(value)) return false;
  return spec.kind === 'number' || spec.kind === 'boolean' || spec.kind === 'enum' || spec.kind === 'json';
}

/** Whether the field offers the "use expression" switch (typed fields whose value may be a template). */
export function offersExpression(spec: FieldSpec): boolean {
  return (
    spec.templatable &&
    (spec.kind === 'number' || spec.kind === 'boolean' || spec.kind === 'enum' || spec.kind === 'json')
  );
}
