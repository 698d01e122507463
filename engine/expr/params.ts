import { compileTemplate, ExpressionError, isTemplate, type CompiledText, type ExpressionRoot } from './template.js';

/** A node's params with every template compiled once, ready to evaluate for each run of the node. */
export interface CompiledParams {
  /** False when no param holds a template: `evaluate` then hands back the params as written. */
  readonly hasTemplates: boolean;
  evaluate(root: ExpressionRoot): Promise<Record<string, unknown>>;
}

type Evaluator = (root: ExpressionRoot) => Promise<unknown>;

function compileValue(value: unknown, path: string): Evaluator | null {
  if (typeof value === 'string') {
    if (!isTemplate(value)) return null;
    let compiled: CompiledText;
    try {
      compiled = compileTemplate(value);
    } catch (e) {
      if (e instanceof ExpressionError) throw new ExpressionError(`${path}: ${e.message}`, e.expression, e.position);
      throw e;
    }
    return async (root) => {
      try {
        return await compiled.evaluate(root);
      } catch (e) {
        if (e instanceof ExpressionError) throw new ExpressionError(`${path}: ${e.message}`, e.expression, e.position);
        throw e;
      }
    };
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => compileValue(v, `${path}[${i}]`));
    if (items.every((e) => e === null)) return null;
    return async (root) => {
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = items[i] ? await items[i]!(root) : value[i];
      return out;
    };
  }
  if (value !== null && typeof value === 'object') return compileObject(value as Record<string, unknown>, path, []);
  return null;
}

function compileObject(
  obj: Record<string, unknown>,
  path: string,
  raw: readonly string[],
): ((root: ExpressionRoot) => Promise<Record<string, unknown>>) | null {
  const keys = Object.keys(obj);
  const evaluators = keys.map((k) => (raw.includes(k) ? null : compileValue(obj[k], `${path}.${k}`)));
  if (evaluators.every((e) => e === null)) return null;
  return async (root) => {
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const ev = evaluators[i];
      out[k] = ev ? await ev(root) : obj[k];
    }
    return out;
  };
}

/**
 * Compiles every template inside `params` (nested objects and arrays included), except the top-level
 * params named in `raw`, which are passed through as written. Throws ExpressionError on a bad template.
 */
export function compileParams(params: Record<string, unknown>, raw: readonly string[] = []): CompiledParams {
  const evaluate = compileObject(params, 'params', raw);
  if (evaluate === null) return { hasTemplates: false, evaluate: () => Promise.resolve(params) };
  return { hasTemplates: true, evaluate };
}
