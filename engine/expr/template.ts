import jsonata from 'jsonata';
import { NodeRunError } from '../run/errors.js';
import { scanTemplate, type TemplatePart } from './scan.js';

/** The document expressions see: `{ input: { <port>: value }, nodes: { <nodeId>: { <port>: value } } }`. */
export interface ExpressionRoot {
  readonly input: Readonly<Record<string, unknown>>;
  readonly nodes: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A template or expression failed; the message carries the expression's text and position. */
export class ExpressionError extends NodeRunError {
  constructor(
    message: string,
    readonly expression: string,
    readonly position: number | undefined,
  ) {
    super(message, 'EXPRESSION_ERROR', false);
    this.name = 'ExpressionError';
  }
}

/** Whether a string holds at least one `{{ … }}`. */
export function isTemplate(text: string): boolean {
  return text.includes('{{');
}

/** Something that can be evaluated against an expression root. */
export interface CompiledText {
  evaluate(root: ExpressionRoot): Promise<unknown>;
}

interface CompiledPart {
  readonly part: TemplatePart;
  readonly expr: jsonata.Expression;
}

function describe(source: string, message: string, position?: number): string {
  const where = position === undefined ? '' : ` at position ${position}`;
  return `expression ${JSON.stringify(source.trim())} failed${where}: ${message}`;
}

function compileOne(source: string): jsonata.Expression {
  try {
    return jsonata(source);
  } catch (e) {
    const err = e as { message?: string; position?: number };
    throw new ExpressionError(describe(source, err.message ?? String(e), err.position), source, err.position);
  }
}

/** JSONata marks its result sequences with extra properties; hand back plain arrays. */
function plain(value: unknown): unknown {
  if (Array.isArray(value) && ('sequence' in value || 'cons' in value || 'keepSingleton' in value)) {
    return Array.from(value as unknown[], plain);
  }
  return value;
}

async function run(expr: jsonata.Expression, source: string, root: ExpressionRoot): Promise<unknown> {
  try {
    return plain(await expr.evaluate(root));
  } catch (e) {
    const err = e as { message?: string; position?: number };
    throw new ExpressionError(describe(source, err.message ?? String(e), err.position), source, err.position);
  }
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}

/**
 * Compiles a string param once. A string that is exactly one template keeps the result's JSON type
 * (`"{{ input.in.n * 2 }}"` gives a number); otherwise results are turned into text and spliced in.
 * Throws ExpressionError for an unclosed `{{` or a syntax error, naming the expression and position.
 */
export function compileTemplate(text: string): CompiledText {
  const parts = scanTemplate(text);
  if (parts === null) {
    const at = text.indexOf('{{');
    throw new ExpressionError(`template ${JSON.stringify(text)} has a "{{" at position ${at} that is never closed`, text, at);
  }
  if (parts.length === 0) return { evaluate: () => Promise.resolve(text) };
  const compiled: CompiledPart[] = parts.map((part) => ({ part, expr: compileOne(part.expression) }));
  const only = compiled[0]!;
  if (compiled.length === 1 && text.slice(0, only.part.start).trim() === '' && text.slice(only.part.end).trim() === '') {
    return { evaluate: (root) => run(only.expr, only.part.expression, root) };
  }
  return {
    async evaluate(root) {
      let out = '';
      let last = 0;
      for (const { part, expr } of compiled) {
        out += text.slice(last, part.start) + toText(await run(expr, part.expression, root));
        last = part.end;
      }
      return out + text.slice(last);
    },
  };
}

/** Compiles text that is either a template (holds `{{`) or one bare JSONata expression. */
export function compileExpression(text: string): CompiledText {
  if (isTemplate(text)) return compileTemplate(text);
  const expr = compileOne(text);
  return { evaluate: (root) => run(expr, text, root) };
}
