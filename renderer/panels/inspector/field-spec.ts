// What the inspector's form shows for each param, read from the node type's params JSON Schema: the
// input to use, its title, help and default, and the limits the value is checked against. The
// schema's properties come in order, then any other key the node holds. Pure.
import type { NodeTypeDescriptor } from '../../../preload/contract.js';

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

/**
 * The input for a value: a one-line `string`, a multi-line `text`, `code` (monospace; never a
 * template), `number`, `boolean`, `enum` (a choice), `mixed` (text that reads as a boolean or number
 * when it is one) or `json` (objects, arrays, anything).
 */
export type FieldKind = 'string' | 'text' | 'code' | 'number' | 'boolean' | 'enum' | 'mixed' | 'json';

export interface FieldSpec {
  readonly name: string;
  readonly title: string;
  readonly description?: string;
  readonly kind: FieldKind;
  readonly required: boolean;
  /** The JSON types allowed; null for any value. */
  readonly types: readonly JsonType[] | null;
  readonly integer?: boolean;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enumValues?: readonly unknown[];
  readonly hasDefault: boolean;
  readonly defaultValue?: unknown;
  /** A string value may be a `{{ … }}` template (false for raw params: code, expressions). */
  readonly templatable: boolean;
  /** Declared by the schema (false: a key the node holds that the schema does not name). */
  readonly known: boolean;
  /** Not declared, and the schema forbids other keys. */
  readonly unexpected?: boolean;
}

type Schema = Readonly<Record<string, unknown>>;

const JSON_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'null',
]);
/** Text longer than this is edited in a multi-line box. */
const LONG_TEXT = 200;

function isSchema(v: unknown): v is Schema {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function num(schema: Schema, key: string): number | undefined {
  const v = schema[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function typesOf(schema: Schema): JsonType[] | null {
  const t = schema['type'];
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  const types = list.filter((x): x is JsonType => typeof x === 'string' && JSON_TYPES.has(x));
  if (types.length > 0) return types;
  if (Array.isArray(schema['enum'])) return null;
  // No type: properties or items still say what it is.
  if (isSchema(schema['properties'])) return ['object'];
  if (isSchema(schema['items'])) return ['array'];
  return null;
}

function kindOf(schema: Schema, types: readonly JsonType[] | null, raw: boolean): FieldKind {
  if (Array.isArray(schema['enum'])) return 'enum';
  const useful = types?.filter((t) => t !== 'null') ?? null;
  if (!useful || useful.length === 0) return 'json';
  if (useful.some((t) => t === 'object' || t === 'array')) return 'json';
  if (useful.length > 1) return useful.includes('string') ? 'mixed' : 'json';
  switch (useful[0]) {
    case 'string': {
      if (raw) return 'code';
      const long = schema['format'] === 'multiline' || (num(schema, 'maxLength') ?? 0) > LONG_TEXT;
      return long ? 'text' : 'string';
    }
    case 'number':
    case 'integer':
      return 'number';
    default:
      return 'boolean';
  }
}

/** The kind for a key the schema does not describe, from the value it holds. */
export function kindOfValue(value: unknown): FieldKind {
  if (typeof value === 'string') return value.includes('\n') ? 'text' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'json';
}

/** Describes one property schema as a field. */
export function specFromSchema(name: string, schema: Schema, required: boolean, raw: boolean): FieldSpec {
  const types = typesOf(schema);
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  const title = typeof schema['title'] === 'string' && schema['title'] !== '' ? schema['title'] : name;
  const pattern = typeof schema['pattern'] === 'string' ? schema['pattern'] : undefined;
  const spec: { -readonly [K in keyof FieldSpec]: FieldSpec[K] } = {
    name,
    title,
    kind: kindOf(schema, types, raw),
    required,
    types,
    hasDefault: 'default' in schema,
    templatable: !raw,
    known: true,
  };
  if (description) spec.description = description;
  if ('default' in schema) spec.defaultValue = schema['default'];
  if (types?.includes('integer') && !types.includes('number')) spec.integer = true;
  if (Array.isArray(schema['enum'])) spec.enumValues = schema['enum'] as unknown[];
  if (pattern !== undefined) spec.pattern = pattern;
  const limits = [
    'minimum',
    'maximum',
    'exclusiveMinimum',
    'exclusiveMaximum',
    'minLength',
    'maxLength',
  ] as const;
  for (const key of limits) {
    const v = num(schema, key);
    if (v !== undefined) spec[key] = v;
  }
  return spec;
}

/** The fields of a node's params: the schema's properties in order, then any other key it holds. */
export function paramFields(
  type: NodeTypeDescriptor | undefined,
  params: Readonly<Record<string, unknown>>,
): FieldSpec[] {
  const schema: Schema = type?.params ?? {};
  const props = isSchema(schema['properties']) ? (schema['properties'] as Record<string, unknown>) : {};
  const requiredList = Array.isArray(schema['required']) ? (schema['required'] as unknown[]) : [];
  const required = new Set(requiredList.filter((k): k is string => typeof k === 'string'));
  const raw = new Set(type?.rawParams ?? []);
  const closed = schema['additionalProperties'] === false;
  const fields = Object.entries(props).map(([name, s]) =>
    specFromSchema(name, isSchema(s) ? s : {}, required.has(name), raw.has(name)),
  );
  for (const name of Object.keys(params)) {
    if (name in props) continue;
    fields.push({
      name,
      title: name,
      kind: kindOfValue(params[name]),
      required: false,
      types: null,
      hasDefault: false,
      templatable: true,
      known: false,
      ...(closed && type ? { unexpected: true } : {}),
    });
  }
  return fields;
}
