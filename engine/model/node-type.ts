/** The value types a port can carry (SPEC §2). */
export type PortType = 'any' | 'string' | 'number' | 'boolean' | 'object' | 'array';

export const PORT_TYPES: readonly PortType[] = ['any', 'string', 'number', 'boolean', 'object', 'array'];

/** An input or output of a node type. */
export interface PortSpec {
  readonly name: string;
  readonly type: PortType;
  /** Inputs only: a connected required port that receives nothing skips the node. Default true. */
  readonly required?: boolean;
  /** Inputs only: takes many edges and receives an array of the values, in edge order. */
  readonly multiple?: boolean;
  readonly description?: string;
}

/** A JSON Schema object, as written by node authors (draft 2020-12 or 07 subset that ajv accepts). */
export type JsonSchema = Readonly<Record<string, unknown>>;

/** Severity of a line a node writes to its log. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface NodeLogger {
  (message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What a node's `run` receives for one attempt (SPEC §5, plus what the bundled nodes need). */
export interface NodeRunContext<P = Record<string, unknown>> {
  /** Input values by port name; a `multiple` port holds an array. */
  readonly inputs: Readonly<Record<string, unknown>>;
  /** Params with templates evaluated (raw params are passed as written). */
  readonly params: P;
  /** Aborted when the attempt times out or the run is cancelled. */
  readonly signal: AbortSignal;
  /** 1-based try number. */
  readonly attempt: number;
  readonly log: NodeLogger;
  readonly nodeId: string;
  readonly runId: string;
  /** The run's input (`weft run --input`), undefined when none was given; `core.manual` emits it. */
  readonly runInput: unknown;
  /**
   * Evaluates a JSONata expression against `{ input, nodes }` (SPEC §2). Text holding `{{ … }}` is read
   * as a template; other text as one bare expression.
   */
  evaluate(expression: string): Promise<unknown>;
  /** Records `value` as the run's output called `name` (what `core.output` does). */
  setRunOutput(name: string, value: unknown): void;
}

/** Output values by port name; a port left out emits nothing. */
export type NodeOutputs = Record<string, unknown>;

/** A node type as the engine sees it: a description plus a `run` function. */
export interface NodeType<P = Record<string, unknown>> {
  /** Namespaced id, `<plugin>.<name>`. */
  readonly type: string;
  readonly title: string;
  readonly category?: string;
  readonly tags?: readonly string[];
  readonly description?: string;
  readonly inputs: readonly PortSpec[];
  readonly outputs: readonly PortSpec[];
  /** JSON Schema for `params`; absent means any object. */
  readonly params?: JsonSchema;
  /** Top-level params passed to `run` exactly as written: never read as templates (code, expressions). */
  readonly rawParams?: readonly string[];
  run(ctx: NodeRunContext<P>): Promise<NodeOutputs | undefined | void> | NodeOutputs | undefined | void;
}

/** How the engine finds node types; the host fills it from the bundled and loaded plugins. */
export interface NodeTypeRegistry {
  get(type: string): NodeType | undefined;
}

/** A registry over a fixed list of node types. */
export function createRegistry(types: Iterable<NodeType<never>>): NodeTypeRegistry & { list(): NodeType[] } {
  const byType = new Map<string, NodeType>();
  for (const t of types) {
    if (byType.has(t.type)) throw new Error(`node type ${t.type} is registered twice`);
    byType.set(t.type, t as unknown as NodeType);
  }
  return { get: (type) => byType.get(type), list: () => [...byType.values()] };
}

/** Whether an output of type `from` may feed an input of type `to`. */
export function portsConnect(from: PortType, to: PortType): boolean {
  return from === to || from === 'any' || to === 'any';
}

/** Whether a runtime value fits a port type. */
export function valueFitsPort(value: unknown, type: PortType): boolean {
  switch (type) {
    case 'any':
      return true;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return value !== null && typeof value === 'object' && !Array.isArray(value);
    default:
      return typeof value === type;
  }
}
