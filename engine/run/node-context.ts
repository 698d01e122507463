import type { LogLevel, NodeLogger, NodeOutputs, NodeRunContext } from '../model/node-type.js';

/** What an attempt's context needs from its run. */
export interface ContextHost {
  readonly runId: string;
  readonly runInput: unknown;
  evaluate(node: number, inputs: Readonly<Record<string, unknown>>, text: string): Promise<unknown>;
  setRunOutput(name: string, value: unknown): void;
  log(node: number, level: LogLevel, message: string): void;
}

/**
 * The context of one attempt. Its AbortSignal and logger are made only when the node asks for them:
 * most small nodes never do, and making them for every attempt would cost more than the node.
 */
export class AttemptContext implements NodeRunContext {
  private controller: AbortController | undefined;
  private abortReason: unknown;
  private logger: NodeLogger | undefined;
  private evaluateFn: ((expression: string) => Promise<unknown>) | undefined;
  private setRunOutputFn: ((name: string, value: unknown) => void) | undefined;
  /** Settles the attempt's promise; set while an asynchronous attempt is pending. */
  resolve: ((outputs: NodeOutputs | undefined | void) => void) | undefined;
  reject: ((error: unknown) => void) | undefined;

  constructor(
    private readonly host: ContextHost,
    private readonly node: number,
    readonly nodeId: string,
    readonly attempt: number,
    readonly token: number,
    readonly inputs: Readonly<Record<string, unknown>>,
    readonly params: Record<string, unknown>,
  ) {}

  get runId(): string {
    return this.host.runId;
  }

  get runInput(): unknown {
    return this.host.runInput;
  }

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      if (this.abortReason !== undefined) this.controller.abort(this.abortReason);
    }
    return this.controller.signal;
  }

  get log(): NodeLogger {
    if (!this.logger) {
      const write = (level: LogLevel) => (message: string) => this.host.log(this.node, level, String(message));
      this.logger = Object.assign(write('info'), {
        debug: write('debug'),
        info: write('info'),
        warn: write('warn'),
        error: write('error'),
      });
    }
    return this.logger;
  }

  get aborted(): boolean {
    return this.abortReason !== undefined;
  }

  // Nodes destructure their context (`run({ inputs, evaluate })`), so these are functions that do not
  // need `this`; made on first use, like the signal.
  get evaluate(): (expression: string) => Promise<unknown> {
    return (this.evaluateFn ??= (expression: string) => this.host.evaluate(this.node, this.inputs, expression));
  }

  get setRunOutput(): (name: string, value: unknown) => void {
    return (this.setRunOutputFn ??= (name: string, value: unknown) => this.host.setRunOutput(name, value));
  }

  /** Aborts the attempt's signal (once) and fails its pending promise with `reason`. */
  abort(reason: Error): void {
    if (this.abortReason !== undefined) return;
    this.abortReason = reason;
    this.controller?.abort(reason);
    const reject = this.reject;
    this.resolve = this.reject = undefined;
    reject?.(reason);
  }
}
