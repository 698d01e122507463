// The messages between the host (client.ts) and a runner process (child.mjs). One JSON message each way
// per call. child.mjs is plain JavaScript and cannot import these types: keep the two in step by hand.
import type { LogLevel, NodeOutputs } from '../../../engine/index.js';
import type { CodeCall, NodeTypeDescriptor, RunCall } from '../types.js';

/** An error as it crosses the boundary: what the engine needs to record and retry it. */
export interface WireError {
  readonly message: string;
  readonly code?: string;
  readonly retryable?: boolean;
  readonly name?: string;
}

export type HostToChild =
  /** `generation` numbers this load of the plugin; the runner keeps a few older ones for running calls. */
  | { readonly t: 'load'; readonly id: number; readonly name: string; readonly url: string; readonly generation?: number }
  /** A node attempt: the RunCall itself (the generation to run is the plugin's latest when absent). */
  | ({ readonly t: 'run'; readonly id: number } & RunCall)
  /**
   * Runs `core.code`: `source` as the body of an async function of (input, ctx) in a fresh vm context.
   * Answered like a run, with `done` carrying `outputs.out` (absent when the code returned undefined).
   */
  | ({ readonly t: 'code'; readonly id: number } & CodeCall)
  | { readonly t: 'abort'; readonly id: number; readonly reason: WireError }
  | { readonly t: 'ping'; readonly id: number };

export type ChildToHost =
  /** A load got past the import and now runs the plugin's `init` (so a timeout can say which). */
  | { readonly t: 'phase'; readonly id: number; readonly phase: 'init' }
  | { readonly t: 'loaded'; readonly id: number; readonly nodes: NodeTypeDescriptor[] }
  | { readonly t: 'failed'; readonly id: number; readonly reason: string }
  | { readonly t: 'done'; readonly id: number; readonly outputs: NodeOutputs }
  | { readonly t: 'error'; readonly id: number; readonly error: WireError }
  /** `id` is the call or load whose code logged; absent for code running outside any (a stray timer). */
  | { readonly t: 'log'; readonly id?: number; readonly plugin?: string; readonly level: LogLevel; readonly message: string }
  | { readonly t: 'pong'; readonly id: number }
  /** Sent just before the runner exits, naming the code that made it exit when it knows. */
  | { readonly t: 'exiting'; readonly id?: number; readonly plugin?: string; readonly code: number; readonly why?: string };

const TYPES = new Set(['phase', 'loaded', 'failed', 'done', 'error', 'log', 'pong', 'exiting']);

/**
 * A cheap shape check. Plugin code shares the runner with child.mjs and could call `process.send`
 * itself, so nothing from the runner is trusted to be well-formed; the fields each handler reads are
 * checked where they are read.
 */
export function isChildMessage(value: unknown): value is ChildToHost {
  if (value === null || typeof value !== 'object') return false;
  const m = value as { t?: unknown; id?: unknown };
  return typeof m.t === 'string' && TYPES.has(m.t) && (m.id === undefined || typeof m.id === 'number');
}
