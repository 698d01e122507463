import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { NodeType } from '../model/node-type.js';
import { isTemplate } from '../expr/template.js';

const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const compiled = new WeakMap<NodeType, ValidateFunction | Error>();

/** One way the params break the node type's schema, at a path below `params`. */
export interface ParamIssue {
  /** Keys and indexes under `params`. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function valueAt(root: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

function describe(error: ErrorObject): { extra: string | undefined; message: string } {
  switch (error.keyword) {
    case 'required':
      return { extra: String(error.params.missingProperty), message: 'required' };
    case 'additionalProperties':
      return { extra: String(error.params.additionalProperty), message: 'unknown param' };
    case 'enum':
      return {
        extra: undefined,
        message: `must be one of ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`,
      };
    default:
      return { extra: undefined, message: error.message ?? 'invalid' };
  }
}

/** The schema validator of a node type, compiled once; an Error when the schema itself is broken. */
export function paramsValidator(type: NodeType): ValidateFunction | Error {
  let v = compiled.get(type);
  if (!v) {
    try {
      v = ajv.compile(type.params ?? { type: 'object' });
    } catch (e) {
      v = new Error(`node type ${type.type} has an invalid params schema: ${(e as Error).message}`);
    }
    compiled.set(type, v);
  }
  return v;
}

/**
 * Checks params against the node type's JSON Schema. A value that is a template string is only known
 * at run time, so a mismatch there is left to the run (which checks the evaluated params again).
 */
export function checkParams(type: NodeType, params: unknown, toleratesTemplates: boolean): ParamIssue[] | Error {
  const validate = paramsValidator(type);
  if (validate instanceof Error) return validate;
  if (validate(params)) return [];
  const issues: ParamIssue[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    const path = pointerToPath(error.instancePath);
    if (toleratesTemplates) {
      const value = valueAt(params, path);
      if (typeof value === 'string' && isTemplate(value) && error.keyword !== 'required') continue;
    }
    const { extra, message } = describe(error);
    const full = extra === undefined ? path : [...path, extra];
    const key = `${full.join('\u0000')}\u0001${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push({ path: full, message });
  }
  return issues;
}
