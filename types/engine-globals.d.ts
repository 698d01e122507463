// The host globals the engine may use. The engine project has neither the DOM lib nor Node types, so
// that engine code cannot reach for a host API by accident; these few are in every JavaScript host the
// engine runs in (Node 20, Electron, workers, browsers). Declared minimally, with the shapes Node and
// the DOM share: add a member here only when the engine needs it and every host has it.
// Other projects (Node, web) get the full declarations from @types/node or the DOM lib instead.

interface AbortSignalEventListener {
  (this: AbortSignal, event: { readonly type: string }): void;
}

interface AbortSignal {
  readonly aborted: boolean;
  readonly reason: unknown;
  onabort: AbortSignalEventListener | null;
  addEventListener(
    type: 'abort',
    listener: AbortSignalEventListener,
    options?: boolean | { once?: boolean; signal?: AbortSignal },
  ): void;
  removeEventListener(type: 'abort', listener: AbortSignalEventListener, options?: boolean): void;
  /** Throws `reason` when the signal is aborted. */
  throwIfAborted(): void;
}

declare var AbortSignal: {
  prototype: AbortSignal;
  /** A signal that is already aborted. */
  abort(reason?: unknown): AbortSignal;
  /** A signal that aborts after `ms` milliseconds. */
  timeout(ms: number): AbortSignal;
  /** A signal that aborts when any of `signals` does. */
  any(signals: Iterable<AbortSignal>): AbortSignal;
};

interface AbortController {
  readonly signal: AbortSignal;
  abort(reason?: unknown): void;
}

declare var AbortController: {
  prototype: AbortController;
  new (): AbortController;
};

// The handle is opaque (a number in browsers, an object in Node): keep it as
// `ReturnType<typeof setTimeout>` and only pass it back to `clearTimeout`.
declare function setTimeout<A extends unknown[]>(
  callback: (...args: A) => void,
  ms?: number,
  ...args: A
): unknown;
declare function clearTimeout(handle: unknown): void;

declare function queueMicrotask(callback: () => void): void;

declare function structuredClone<T>(value: T): T;

interface Performance {
  /** Milliseconds since `timeOrigin`, sub-millisecond precision. */
  now(): number;
  /** Epoch milliseconds at which the clock of `now()` started. */
  readonly timeOrigin: number;
}

declare var performance: Performance;
