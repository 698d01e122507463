// The `core.code` part of the plugin runner process (child.mjs imports it and hands it what it shares:
// the call maps, the AsyncLocalStorage of the running call, the log and reply helpers, and the timer
// functions as they were before any plugin or user code could replace them). Dependency injection
// rather than imports from child.mjs, so there is no import cycle and this module has no side effects.
// Plain JavaScript importing only node: built-ins, like child.mjs: scripts/build.mjs copies every .mjs
// file of this folder beside each bundle, so the relative import resolves in dist/ as well.
import { format, inspect } from 'node:util';
import * as vm from 'node:vm';

// core.code (SPEC §2): user JavaScript runs here, in the runner, never in the host. Each call gets a
// fresh `node:vm` context whose globals are a chosen set (timers, fetch, URL, TextEncoder,
// structuredClone, console to the node's log… but no require, process or file system), so that one
// call's globals and timers cannot leak into the next. The vm context is for correctness, not
// security: code written to escape reaches this process, which is what the process boundary is for.
// Timers hand out numeric ids (as in browsers), belong to their call and are cleared when it ends. An
// aborted call ends a moment after its abort even if its code ignores the signal while awaiting; a
// busy loop cannot be interrupted here, and the host kills the runner after its grace.

/** The name code calls go by in log lines and in the host's words about a runner death. */
const CODE_PLUGIN = 'core';
const CODE_FILENAME = 'code';
const CODE_SCRIPT_CACHE_SIZE = 32;
/** How long aborted code may take to wind down (its abort listeners, a rejection) before it is ended. */
const CODE_ABORT_WIND_DOWN_MS = 20;

/**
 * The `core.code` calls of a runner process: `runCode` starts one for a host `code` message, `failCode`
 * fails one (child.mjs's handler of stray errors calls it for the call the error came from).
 * - current: the AsyncLocalStorage saying which host message the running code belongs to
 * - calls: open calls, id -> AbortController (a code call is one too, for `reply`)
 * - codeCalls: open `core.code` calls, id -> their state (child.mjs aborts through it)
 * - log(level, message, open) and reply(id, message): child.mjs's log line and one-answer reply
 * - toWire(error): an error as it crosses to the host
 * - timers: the runner's own setTimeout, setInterval, clearTimeout and queueMicrotask
 */
export function createCodeCalls({ current, calls, codeCalls, log, reply, toWire, timers }) {
  const { setTimeout: hostSetTimeout, setInterval: hostSetInterval, clearTimeout: hostClearTimeout, queueMicrotask: hostQueueMicrotask } = timers;
  const codeScripts = new Map();

  function compileCode(source) {
    let entry = codeScripts.get(source);
    if (entry !== undefined) {
      codeScripts.delete(source);
      codeScripts.set(source, entry);
      return entry;
    }
    try {
      // The wrapper's first line is not the author's: lineOffset -1 makes reported lines match theirs.
      entry = { script: new vm.Script(`(async function (input, ctx) {\n${source}\n})`, { filename: CODE_FILENAME, lineOffset: -1 }) };
    } catch (error) {
      entry = { error: describeSyntaxError(error) };
    }
    codeScripts.set(source, entry);
    if (codeScripts.size > CODE_SCRIPT_CACHE_SIZE) codeScripts.delete(codeScripts.keys().next().value);
    return entry;
  }

  function describeSyntaxError(error) {
    const name = typeof error?.name === 'string' ? error.name : 'SyntaxError';
    const message = typeof error?.message === 'string' ? error.message : String(error);
    const at = /^code:(\d+)/.exec(typeof error?.stack === 'string' ? error.stack : '');
    return { name, message: `${name}: ${message} in code${at ? ` at line ${at[1]}` : ''}`, retryable: false };
  }

  /** What the code threw, as it crosses to the host: message, name, and its own code and retryable. */
  function describeThrown(thrown) {
    if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) return { message: String(thrown) };
    try {
      const out = { message: typeof thrown.message === 'string' ? thrown.message : inspect(thrown) };
      if (typeof thrown.name === 'string') out.name = thrown.name;
      if (typeof thrown.code === 'string') out.code = thrown.code;
      if (typeof thrown.retryable === 'boolean') out.retryable = thrown.retryable;
      return out;
    } catch {
      return { message: 'The code threw a value that could not be read' };
    }
  }

  /**
   * Why `value` cannot cross to the host as JSON without losing something, or undefined when it can.
   * JSON would silently drop functions and symbols and turn a Map or a Set into {}; BigInts and cycles
   * cannot be written at all.
   */
  function unpassable(value) {
    const path = new Set();
    const walk = (v, where) => {
      if (typeof v === 'function') return `a function at ${where}`;
      if (typeof v === 'symbol') return `a symbol at ${where}`;
      if (typeof v === 'bigint') return `a BigInt at ${where}`;
      if (v === null || typeof v !== 'object') return undefined;
      if (typeof v.toJSON === 'function') return undefined; // a Date, a URL: JSON has a form for them
      const tag = Object.prototype.toString.call(v);
      if (tag === '[object Map]' || tag === '[object Set]' || tag === '[object Promise]') return `a ${tag.slice(8, -1)} at ${where}`;
      if (path.has(v)) return `a circular reference at ${where}`;
      path.add(v);
      try {
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            const problem = walk(v[i], `${where}[${i}]`);
            if (problem !== undefined) return problem;
          }
          return undefined;
        }
        for (const key of Object.keys(v)) {
          const problem = walk(v[key], `${where}.${key}`);
          if (problem !== undefined) return problem;
        }
        return undefined;
      } finally {
        path.delete(v);
      }
    };
    try {
      return walk(value, 'the result');
    } catch (error) {
      return `it could not be read: ${toWire(error).message}`;
    }
  }

  function codeLog(state, level, args) {
    if (state.done) return;
    let message;
    try {
      message = format(...args);
    } catch {
      message = '[unprintable log message]';
    }
    log(level, message, state.open);
  }

  function codeConsole(state) {
    const at = (level) => (...args) => codeLog(state, level, args);
    const timers = new Map();
    const counts = new Map();
    const elapsed = (label) => `${label}: ${(performance.now() - timers.get(label)).toFixed(3)}ms`;
    // Beyond the five levels, the common helpers exist so that code written for a browser or Node does
    // not stop at a TypeError; grouping has no meaning in a flat log and does nothing.
    return {
      log: at('info'),
      info: at('info'),
      warn: at('warn'),
      error: at('error'),
      debug: at('debug'),
      trace: at('debug'),
      dir: (value) => codeLog(state, 'info', [inspect(value)]),
      table: (value) => codeLog(state, 'info', [inspect(value)]),
      assert: (condition, ...rest) => {
        if (!condition) codeLog(state, 'error', [`Assertion failed${rest.length > 0 ? ':' : ''}`, ...rest]);
      },
      count: (label = 'default') => {
        const n = (counts.get(label) ?? 0) + 1;
        counts.set(label, n);
        codeLog(state, 'info', [`${label}: ${n}`]);
      },
      countReset: (label = 'default') => {
        counts.delete(label);
      },
      time: (label = 'default') => {
        timers.set(label, performance.now());
      },
      timeLog: (label = 'default', ...rest) => {
        if (timers.has(label)) codeLog(state, 'info', [elapsed(label), ...rest]);
      },
      timeEnd: (label = 'default') => {
        if (timers.has(label)) codeLog(state, 'info', [elapsed(label)]);
        timers.delete(label);
      },
      group: () => {},
      groupCollapsed: () => {},
      groupEnd: () => {},
    };
  }

  function codeCtxLog(state) {
    const write = (...args) => codeLog(state, 'info', args);
    for (const level of ['debug', 'info', 'warn', 'error']) write[level] = (...args) => codeLog(state, level, args);
    return Object.freeze(write);
  }

  function codeTimers(state) {
    function schedule(repeat, callback, ms, args) {
      if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
      if (state.done) return 0;
      const id = state.nextTimerId++;
      const fire = () => {
        if (!repeat) state.timers.delete(id);
        try {
          callback(...args);
        } catch (error) {
          failCode(state, error);
        }
      };
      const delay = Number(ms) || 0;
      state.timers.set(id, repeat ? hostSetInterval(fire, delay) : hostSetTimeout(fire, delay));
      return id;
    }
    function clear(id) {
      const handle = state.timers.get(id);
      if (handle !== undefined) {
        hostClearTimeout(handle);
        state.timers.delete(id);
      }
    }
    return {
      setTimeout: function setTimeout(callback, ms, ...args) {
        return schedule(false, callback, ms, args);
      },
      setInterval: function setInterval(callback, ms, ...args) {
        return schedule(true, callback, ms, args);
      },
      clearTimeout: function clearTimeout(id) {
        clear(id);
      },
      clearInterval: function clearInterval(id) {
        clear(id);
      },
      queueMicrotask: function queueMicrotask(callback) {
        if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
        hostQueueMicrotask(() => {
          if (state.done) return;
          try {
            callback();
          } catch (error) {
            failCode(state, error);
          }
        });
      },
    };
  }

  function codeGlobals(state) {
    // A null prototype keeps this.constructor from reaching the runner's own Function.
    const g = Object.create(null);
    Object.assign(g, codeTimers(state), {
      fetch,
      Headers,
      Request,
      Response,
      FormData,
      Blob,
      URL,
      URLSearchParams,
      TextEncoder,
      TextDecoder,
      structuredClone,
      AbortController,
      AbortSignal,
      DOMException,
      EventTarget,
      Event,
      atob,
      btoa,
      crypto: globalThis.crypto,
      performance,
      console: codeConsole(state),
    });
    return g;
  }

  /** Ends a code call once: its timers go, and its one answer is sent. */
  function finishCode(state, outcome) {
    if (state.done) return;
    state.done = true;
    for (const handle of state.timers.values()) hostClearTimeout(handle);
    state.timers.clear();
    hostClearTimeout(state.windDown);
    codeCalls.delete(state.id);
    if (!outcome.ok) {
      reply(state.id, { t: 'error', id: state.id, error: outcome.error });
      return;
    }
    const problem = unpassable(outcome.value);
    if (problem !== undefined) {
      const message = `The code returned a value that cannot be passed on (${problem}). Return plain data: objects, arrays, strings, numbers, booleans or null.`;
      reply(state.id, { t: 'error', id: state.id, error: { name: 'DataCloneError', message, retryable: false } });
      return;
    }
    reply(state.id, { t: 'done', id: state.id, outputs: outcome.value === undefined ? {} : { out: outcome.value } });
  }

  function failCode(state, thrown) {
    finishCode(state, { ok: false, error: describeThrown(thrown) });
  }

  function runCode(m) {
    const controller = new AbortController();
    const open = { id: m.id, plugin: CODE_PLUGIN, code: undefined };
    const state = { id: m.id, open, done: false, timers: new Map(), nextTimerId: 1, controller, windDown: undefined };
    open.code = state;
    calls.set(m.id, controller);
    codeCalls.set(m.id, state);
    // Code that ignores its signal while it awaits is ended shortly after the abort: nothing of it can
    // run any more once its timers are cleared, so the runner stays (a busy loop is the host's to end).
    controller.signal.addEventListener('abort', () => {
      state.windDown ??= hostSetTimeout(() => failCode(state, controller.signal.reason), CODE_ABORT_WIND_DOWN_MS);
    });
    current.run(open, () => {
      const compiled = compileCode(String(m.source ?? ''));
      if (compiled.error !== undefined) {
        finishCode(state, { ok: false, error: compiled.error });
        return;
      }
      try {
        const context = vm.createContext(codeGlobals(state), { name: `core.code ${String(m.nodeId)}` });
        const fn = compiled.script.runInContext(context);
        // The input is re-read inside the context, so that its objects and arrays belong to the code's
        // own realm (instanceof Object, x.constructor === Array behave as the author expects).
        const input = m.input === undefined ? undefined : vm.runInContext('JSON.parse', context)(JSON.stringify(m.input));
        const ctx = Object.freeze({ attempt: m.attempt, nodeId: m.nodeId, runId: m.runId, signal: controller.signal, log: codeCtxLog(state) });
        Promise.resolve(fn.call(undefined, input, ctx)).then(
          (value) => finishCode(state, { ok: true, value }),
          (error) => failCode(state, error),
        );
      } catch (error) {
        failCode(state, error);
      }
    });
  }

  return { runCode, failCode };
}
