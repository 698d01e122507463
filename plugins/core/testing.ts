/** Test helpers for node types: a NodeRunContext with sensible defaults that records what the node did. */
import { Ajv } from 'ajv';
import { compileExpression } from '../../engine/expr/template.js';
import type { LogLevel, NodeLogger, NodeRunContext, NodeType } from '../sdk/index.js';

export interface LogLine {
  readonly level: LogLevel;
  readonly message: string;
}

export interface MakeContextOptions<P> extends Partial<Omit<NodeRunContext<P>, 'log'>> {
  /** Outputs of finished nodes, as expressions see them under `nodes`. */
  readonly nodes?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** A context plus what the node left behind: its log lines and run outputs. */
export interface TestContext<P> extends NodeRunContext<P> {
  /** Aborts `signal` unless a signal was passed in. */
  readonly controller: AbortController;
  readonly logs: LogLine[];
  readonly runOutputs: Map<string, unknown>;
}

function collectingLogger(lines: LogLine[]): NodeLogger {
  const at = (level: LogLevel) => (message: string) => void lines.push({ level, message });
  return Object.assign(at('info'), { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') });
}

/** Builds a context for one attempt; anything not given gets a default. */
export function makeContext<P = Record<string, unknown>>(options: MakeContextOptions<P> = {}): TestContext<P> {
  const { nodes = {}, ...given } = options;
  const controller = new AbortController();
  const logs: LogLine[] = [];
  const runOutputs = new Map<string, unknown>();
  const inputs = given.inputs ?? {};
  return {
    inputs,
    params: {} as P,
    signal: controller.signal,
    attempt: 1,
    nodeId: 'n',
    runId: 'r',
    runInput: undefined,
    evaluate: (expression) => compileExpression(expression).evaluate({ input: inputs, nodes }),
    setRunOutput: (name, value) => void runOutputs.set(name, value),
    ...given,
    log: collectingLogger(logs),
    controller,
    logs,
    runOutputs,
  };
}

const ajv = new Ajv({ allErrors: true, strict: false });

/** Whether `params` pass the node type's params schema, as ajv 8 reads it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function paramsValid(type: NodeType<any>, params: unknown): boolean {
  return ajv.validate(type.params ?? { type: 'object' }, params);
}
