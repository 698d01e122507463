/** Error codes of SPEC §3.7, as found in run records and events. A plugin may use its own code too. */
export type RunErrorCode =
  | 'TIMEOUT'
  | 'CANCELLED'
  | 'EXPRESSION_ERROR'
  | 'NODE_ERROR'
  | 'PLUGIN_CRASHED'
  | 'POLICY_DENIED'
  | 'INVALID_INPUT'
  | (string & {});

/** A node's error as recorded: plain data, safe to serialize. */
export interface RunError {
  readonly message: string;
  readonly code: RunErrorCode;
  /** False when retrying cannot help. */
  readonly retryable?: boolean;
}

/** An error the engine raises itself, with a code and whether a retry could help. */
export class NodeRunError extends Error {
  constructor(
    message: string,
    readonly code: RunErrorCode,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'NodeRunError';
  }
}

/** Turns anything a node threw into a recorded error; `retryable: false` on the thrown value is kept. */
export function toRunError(thrown: unknown): RunError {
  if (thrown instanceof NodeRunError) {
    return { message: thrown.message, code: thrown.code, retryable: thrown.retryable };
  }
  if (thrown !== null && typeof thrown === 'object') {
    const t = thrown as { message?: unknown; code?: unknown; retryable?: unknown };
    const message = typeof t.message === 'string' && t.message !== '' ? t.message : String(thrown);
    const code = typeof t.code === 'string' && /^[A-Z][A-Z0-9_]{1,63}$/.test(t.code) ? t.code : 'NODE_ERROR';
    return t.retryable === false ? { message, code, retryable: false } : { message, code };
  }
  return { message: String(thrown), code: 'NODE_ERROR' };
}
