import type { LogLevel, NodeLogger, NodeRunContext } from '../model/node-type.js';

/** What an attempt's context needs from its run. */
export interface ContextHost {
  readonly runId: string;
  readonly runInput: unknown;
  evaluate(node: number, inputs: Readonly<Record<string, unknown>>, text: string): Promise<unknown>;
  setRunOutput(name: string, value: unknown): void;
  log(node: number, level: LogLevel, message: string): void;
}

/** The parts of a context that most nodes never ask for, made together on first use. */
interface Extras {
  controller?: AbortController;
  abortReason?: Error;
  logger?: NodeLogger;
  evaluate?: (expression: string) => Promise<unknown>;
  setRunOutput?: (name: string, value: unknown) => void;
}

/**
 * The context of one attempt. Its AbortSignal, logger and helpers are made only when the node asks for
 * them: most small nodes never do, and making them for every attempt would cost more than the node.
 * Nodes destructure their context (`run({ inputs, evaluate })`), so the helpers never rely on `this`.
 */
export class AttemptContext implements NodeRunContext {
  private extras: Extras | undefined;

  constructor(
    private readonly host: ContextHost,
    readonly node: number,
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
    const x = (this.extras ??= {});
    if (!x.controller) {
      x.controller = new AbortController();
      if (x.abortReason !== undefined) x.controller.abort(x.abortReason);
    }
    return x.controller.signal;
  }

  get log(): NodeLogger {
    const x = (this.extras ??= {});
    if (!x.logger) {
      const write = (level: LogLevel) => (message: string) => this.host.log(this.node, level, String(message));
      x.logger = Object.assign(write('info'), { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') });
    }
    return x.logger;
  }

  get evaluate(): (expression: string) => Promise<unknown> {
    const x = (this.extras ??= {});
    return (x.evaluate ??= (expression: string) => this.host.evaluate(this.node, this.inputs, expression));
  }

  get setRunOutput(): (name: string, value: unknown) => void {
    const x = (this.extras ??= {});
    return (x.setRunOutput ??= (name: string, value: unknown) => this.host.setRunOutput(name, value));
  }

  get aborted(): boolean {
    return this.extras?.abortReason !== undefined;
  }

  /** Aborts the attempt's signal, once, with `reason`. */
  abort(reason: Error): void {
    const x = (this.extras ??= {});
    if (x.abortReason !== undefined) return;
    x.abortReason = reason;
    x.controller?.abort(reason);
  }
}
