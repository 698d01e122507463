// One live runner process as the client sees it: numbered open requests (slots), the messages that
// settle them, its death (however it came), and the RSS watch. Policy (what a death means for the
// plugins, replacing the runner) is the client's.
import type { LogLevel } from '../../../engine/index.js';
import type { RunnerProcess } from './launcher.js';
import { isChildMessage, type ChildToHost, type HostToChild, type WireError } from './protocol.js';

/** Why a runner ended. */
export type Cause =
  /** `why` is what the runner said as it went (an uncaught error); `detail` its last stderr output. */
  | { readonly kind: 'exit'; readonly code: number | null; readonly signal: string | null; readonly detail: string; readonly why?: string }
  | { readonly kind: 'memory'; readonly rssMb: number; readonly limitMb: number }
  /** Killed on purpose: a call went on running after its abort and its grace. */
  | { readonly kind: 'abandoned'; readonly plugin: string; readonly what: string }
  /** Killed on purpose: it stopped answering pings while loading (a busy loop in a module or `init`). */
  | { readonly kind: 'stuck' }
  | { readonly kind: 'closed' };

/** Whose code a death is blamed on, when that can be told. */
export interface Culprit {
  readonly plugin: string;
  readonly what: string;
  readonly slot?: Slot;
}

/** An open request: one load, call or ping, waiting for its answer. */
export interface Slot {
  readonly kind: 'load' | 'run' | 'ping';
  readonly plugin: string;
  /** The node type, or 'loading'. */
  readonly what: string;
  phase?: 'init';
  log?(level: LogLevel, message: string): void;
  answer(message: ChildToHost): void;
  gone(cause: Cause, culprit: Culprit | undefined): void;
}

/** A message to the runner, before `open` numbers it. */
export type Outgoing = HostToChild extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;

export interface RunnerOptions {
  readonly rssLimitMb: number;
  readonly rssPollMs: number;
  /** Log lines from plugin code outside any open slot (stray timers) or from a load. */
  readonly onLog: (plugin: string | undefined, level: LogLevel, message: string) => void;
  /** Called once, before the slots hear of the death. */
  readonly onGone: (runner: Runner, cause: Cause, culprit: Culprit | undefined) => void;
}

const MB = 1024 * 1024;
/** More than child.mjs keeps (3): the runner, not this mirror, says when a generation is gone. */
const GENERATIONS_REMEMBERED = 8;

export class Runner {
  alive = true;
  /** Why it ended, once it has. */
  cause: Cause | undefined;
  /** Plugin name -> node types of its latest load in this process. */
  readonly loaded = new Map<string, ReadonlySet<string>>();
  /**
   * Plugin name -> generation -> node types, for the loads of this process, oldest first. The runner
   * itself decides which older generations it still holds (child.mjs); this only answers "which types
   * did that generation have", so it keeps a few more than the runner does.
   */
  readonly generations = new Map<string, Map<number, ReadonlySet<string>>>();
  readonly exited: Promise<void>;
  /** One per aborted call still inside its grace: the runner may be stuck until they settle. */
  readonly holds = new Set<Promise<void>>();
  private readonly slots = new Map<number, Slot>();
  private nextId = 1;
  private lastWords: { id?: number; plugin?: string; why?: string } | undefined;
  private readonly poll: ReturnType<typeof setInterval> | undefined;

  constructor(
    readonly proc: RunnerProcess,
    private readonly options: RunnerOptions,
  ) {
    proc.unref?.();
    proc.onMessage((message) => {
      if (isChildMessage(message)) this.onMessage(message);
    });
    this.exited = new Promise((resolve) => {
      proc.onExit((code, signal, detail) => {
        const why = this.lastWords?.why;
        this.retire({ kind: 'exit', code, signal, detail, ...(why !== undefined ? { why } : {}) });
        resolve();
      });
    });
    if (proc.memory !== undefined && options.rssLimitMb > 0) {
      let reading = false;
      this.poll = setInterval(() => {
        if (reading) return;
        reading = true;
        void this.checkMemory().finally(() => (reading = false));
      }, options.rssPollMs);
      this.poll.unref();
    }
  }

  /** Notes a load that succeeded: its types become the plugin's latest. */
  recordLoad(plugin: string, generation: number | undefined, types: ReadonlySet<string>): void {
    this.loaded.set(plugin, types);
    if (generation === undefined) return;
    let byGeneration = this.generations.get(plugin);
    if (byGeneration === undefined) this.generations.set(plugin, (byGeneration = new Map()));
    byGeneration.delete(generation);
    byGeneration.set(generation, types);
    for (const old of byGeneration.keys()) {
      if (byGeneration.size <= GENERATIONS_REMEMBERED) break;
      byGeneration.delete(old);
    }
  }

  get pid(): number | undefined {
    return this.proc.pid;
  }

  /** Sends a request; throws (with nothing left open) when the message cannot be serialised. */
  open(slot: Slot, message: Outgoing): number {
    const id = this.nextId++;
    this.slots.set(id, slot);
    // Only open requests may keep the host alive: an idle warm runner must not hold a CLI open.
    if (this.slots.size === 1) this.proc.ref?.();
    try {
      this.proc.send({ ...message, id });
    } catch (error) {
      this.close(id);
      throw error;
    }
    return id;
  }

  has(id: number): boolean {
    return this.slots.has(id);
  }

  /** Stops waiting for an answer (one that comes later is ignored). */
  close(id: number): void {
    if (this.slots.delete(id) && this.slots.size === 0 && this.alive) this.proc.unref?.();
  }

  abort(id: number, reason: WireError): void {
    this.post({ t: 'abort', id, reason });
  }

  /** Resolves true when the runner answers within `timeoutMs`: its event loop is not stuck. */
  ping(timeoutMs: number): Promise<boolean> {
    if (!this.alive) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.close(id);
        resolve(false);
      }, timeoutMs);
      const settle = (ok: boolean): void => {
        clearTimeout(timer);
        resolve(ok);
      };
      const id = this.open({ kind: 'ping', plugin: '', what: 'ping', answer: () => settle(true), gone: () => settle(false) }, { t: 'ping' });
    });
  }

  kill(cause: Cause): void {
    if (!this.alive) return;
    this.retire(cause);
    this.proc.kill();
  }

  private post(message: HostToChild): void {
    if (!this.alive) return;
    try {
      this.proc.send(message);
    } catch {
      // Only inputs can fail to serialise, and they were sent already; a dying runner reports itself.
    }
  }

  private onMessage(m: ChildToHost): void {
    if (m.t === 'exiting') {
      this.lastWords = { ...(m.id !== undefined ? { id: m.id } : {}), ...(m.plugin !== undefined ? { plugin: String(m.plugin) } : {}), ...(m.why !== undefined ? { why: String(m.why) } : {}) };
      return;
    }
    const slot = m.id === undefined ? undefined : this.slots.get(m.id);
    if (m.t === 'log') {
      const level = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === m.level) ?? 'info';
      if (slot?.log !== undefined) slot.log(level, String(m.message));
      else this.options.onLog(slot?.plugin ?? (typeof m.plugin === 'string' ? m.plugin : undefined), level, String(m.message));
      return;
    }
    if (slot === undefined) return;
    if (m.t === 'phase') {
      slot.phase = 'init';
      return;
    }
    this.close(m.id);
    slot.answer(m);
  }

  private async checkMemory(): Promise<void> {
    const bytes = await this.proc.memory?.();
    if (bytes !== undefined && bytes > this.options.rssLimitMb * MB) {
      this.kill({ kind: 'memory', rssMb: Math.round(bytes / MB), limitMb: this.options.rssLimitMb });
    }
  }

  /** Marks the runner dead and tells everyone waiting on it, once. */
  private retire(cause: Cause): void {
    if (!this.alive) return;
    this.alive = false;
    this.cause = cause;
    if (this.poll !== undefined) clearInterval(this.poll);
    const slots = [...this.slots.values()];
    const culprit = this.blame(cause, slots);
    this.slots.clear();
    this.options.onGone(this, cause, culprit);
    for (const slot of slots) slot.gone(cause, culprit);
  }

  private blame(cause: Cause, slots: readonly Slot[]): Culprit | undefined {
    if (cause.kind === 'abandoned') return { plugin: cause.plugin, what: cause.what };
    if (cause.kind === 'closed') return undefined;
    const words = this.lastWords;
    if (words?.id !== undefined || words?.plugin !== undefined) {
      const slot = words.id === undefined ? undefined : this.slots.get(words.id);
      if (slot !== undefined) return { plugin: slot.plugin, what: slot.what, slot };
      if (words.plugin !== undefined) return { plugin: words.plugin, what: 'code outside a call' };
    }
    // Otherwise only an unambiguous suspect is blamed: the one plugin with code open in the runner.
    const open = slots.filter((s) => s.kind !== 'ping');
    const plugins = new Set(open.map((s) => s.plugin));
    const only = open[0];
    return plugins.size === 1 && only !== undefined && open.length === 1 ? { plugin: only.plugin, what: only.what, slot: only } : undefined;
  }
}
