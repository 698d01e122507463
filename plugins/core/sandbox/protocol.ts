/**
 * Messages between the host (`code-sandbox.ts`) and the worker (`worker-source.ts`). Every message
 * names the task it belongs to, so that a late message from a task the host has given up on (aborted,
 * or finished during the kill grace) is recognised and dropped instead of being read as the next one's.
 */

export type CodeLogLevel = 'debug' | 'info' | 'warn' | 'error';

/** An error as it crosses the thread boundary: plain fields only, so it always clones. */
export interface WireError {
  readonly message: string;
  readonly name?: string;
  readonly stack?: string;
  readonly code?: string;
  readonly retryable?: boolean;
}

export type HostToWorker =
  | {
      readonly type: 'run';
      readonly id: number;
      readonly source: string;
      readonly input: unknown;
      readonly attempt: number;
      readonly nodeId: string;
      readonly runId: string;
    }
  | { readonly type: 'abort'; readonly id: number; readonly reason: WireError };

export type WorkerToHost =
  | { readonly type: 'log'; readonly id: number; readonly level: CodeLogLevel; readonly message: string }
  | { readonly type: 'done'; readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly type: 'done'; readonly id: number; readonly ok: false; readonly error: WireError };

export function isWorkerToHost(value: unknown): value is WorkerToHost {
  if (value === null || typeof value !== 'object') return false;
  const m = value as { type?: unknown; id?: unknown };
  return (m.type === 'log' || m.type === 'done') && typeof m.id === 'number';
}
