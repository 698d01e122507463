// The inspector's own checks of one field's value against its spec (type, enum, bounds, lengths,
// pattern, a template's braces): the message shown under the field as the user types, without the
// host's JSON Schema validator (its code generation needs `eval`, which the window's CSP forbids).
// The host still checks everything on save and run. A template's value is only known at run time, so
// beyond its braces it is not checked here, as the host's check does not either. Pure.
import { scanTemplate } from '../../../engine/expr/scan.js';
import type { FieldSpec, JsonType } from './field-spec.js';

/** A string holding at least one `{{ … }}` (SPEC §2 Expressions). */
export function isTemplateText(value: unknown): value is string {
  return typeof value === 'string' && value.includes('{{');
}

/** Whether a string anywhere inside `value` holds a template (objects such as `core.set`'s values). */
export function containsTemplate(value: unknown, budget = { left: 10_000 }): boolean {
  if (isTemplateText(value)) return true;
  if (value === null || typeof value !== 'object' || --budget.left <= 0) return false;
  const children = Array.isArray(value) ? value : Object.values(value as Record<string, unknown>);
  return children.some((v) => containsTemplate(v, budget));
}

function jsonTypeOf(value: unknown): JsonType {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    default:
      return 'object';
  }
}

function fitsType(value: unknown, types: readonly JsonType[]): boolean {
  const t = jsonTypeOf(value);
  return types.includes(t) || (t === 'integer' && types.includes('number'));
}

function describeTypes(types: readonly JsonType[]): string {
  const names = types.map((t) => (t === 'integer' ? 'a whole number' : t === 'number' ? 'a number' : t));
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} or ${names.at(-1)}`;
}

const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

function checkNumber(spec: FieldSpec, n: number): string | null {
  if (spec.integer && !Number.isInteger(n)) return 'must be a whole number';
  if (spec.minimum !== undefined && n < spec.minimum) return `must be at least ${spec.minimum}`;
  if (spec.maximum !== undefined && n > spec.maximum) return `must be at most ${spec.maximum}`;
  if (spec.exclusiveMinimum !== undefined && n <= spec.exclusiveMinimum) {
    return `must be more than ${spec.exclusiveMinimum}`;
  }
  if (spec.exclusiveMaximum !== undefined && n >= spec.exclusiveMaximum) {
    return `must be less than ${spec.exclusiveMaximum}`;
  }
  return null;
}

function checkString(spec: FieldSpec, s: string): string | null {
  const length = [...s].length;
  if (spec.minLength !== undefined && length < spec.minLength) {
    return spec.minLength === 1 ? 'must not be empty' : `must be at least ${spec.minLength} characters`;
  }
  if (spec.maxLength !== undefined && length > spec.maxLength)
    return `must be at most ${spec.maxLength} characters`;
  if (spec.pattern !== undefined) {
    let re: RegExp | null = null;
    try {
      re = new RegExp(spec.pattern, 'u');
    } catch {
      // A pattern this engine cannot read is the host's to judge.
    }
    if (re && !re.test(s)) return `must match ${spec.pattern}`;
  }
  return null;
}

/** Whether the braces of a template close (a `{{` left open is an error at run time). */
export function templateProblem(text: string): string | null {
  return scanTemplate(text) === null ? 'a “{{” is never closed with “}}”' : null;
}

/** What is wrong with `value` for `spec`, or null. `undefined` is an absent value. */
export function checkField(spec: FieldSpec, value: unknown): string | null {
  if (value === undefined) return spec.required ? 'required' : null;
  if (spec.unexpected) return 'not a param of this node type';
  if (spec.templatable && isTemplateText(value)) return templateProblem(value);
  if (spec.types && !fitsType(value, spec.types)) return `must be ${describeTypes(spec.types)}`;
  if (spec.enumValues && !spec.enumValues.some((v) => show(v) === show(value))) {
    return `must be one of ${spec.enumValues.map(show).join(', ')}`;
  }
  if (typeof value === 'number') return checkNumber(spec, value);
  if (typeof value === 'string') return checkString(spec, value);
  return null;
}
