// Which input edits a param: from its value when it has one (a template string stays text even where
// the schema says number), else from the node type's JSON Schema. Pure, for the inspector.
import type { NodeTypeDescriptor } from '../../../preload/contract.js';

export type ParamKind = 'string' | 'text' | 'number' | 'boolean' | 'json';

export interface ParamInfo {
  readonly name: string;
  readonly kind: ParamKind;
  readonly required: boolean;
  readonly description?: string;
  readonly enumValues?: readonly unknown[];
}

type Schema = Readonly<Record<string, unknown>>;

function propertiesOf(schema: Schema | null): Record<string, Schema> {
  const props = schema?.['properties'];
  return props && typeof props === 'object' ? (props as Record<string, Schema>) : {};
}

function schemaKind(schema: Schema | undefined, raw: boolean): ParamKind {
  const t = schema?.['type'];
  const type = Array.isArray(t) ? t.find((x) => x !== 'null') : t;
  if (type === 'string') return raw || schema?.['format'] === 'multiline' ? 'text' : 'string';
  if (type === 'number' || type === 'integer') return 'number';
  if (type === 'boolean') return 'boolean';
  return 'json';
}

export function kindOfValue(value: unknown, fallback: ParamKind): ParamKind {
  if (typeof value === 'string') return fallback === 'text' || value.includes('\n') ? 'text' : 'string';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  if (value === undefined) return fallback;
  return 'json';
}

/** The params to show: the schema's properties in order, then any other key the node has. */
export function paramsToEdit(
  type: NodeTypeDescriptor | undefined,
  params: Record<string, unknown>,
): ParamInfo[] {
  const props = propertiesOf(type?.params ?? null);
  const requiredList = type?.params?.['required'];
  const required = new Set(Array.isArray(requiredList) ? requiredList : []);
  const raw = new Set(type?.rawParams ?? []);
  const names = [...Object.keys(props), ...Object.keys(params).filter((k) => !(k in props))];
  return names.map((name) => {
    const schema = props[name];
    const enumValues = Array.isArray(schema?.['enum']) ? (schema['enum'] as unknown[]) : undefined;
    const description = typeof schema?.['description'] === 'string' ? schema['description'] : undefined;
    return {
      name,
      kind: kindOfValue(params[name], schemaKind(schema, raw.has(name))),
      required: required.has(name),
      ...(description ? { description } : {}),
      ...(enumValues ? { enumValues } : {}),
    };
  });
}
