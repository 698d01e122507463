/**
 * The script a `core.code` worker thread runs, as plain CommonJS text for `new Worker(src, { eval: true })`.
 *
 * It is a string rather than a file beside this one because the app is bundled by esbuild into `dist/`
 * and also run from TypeScript source by vitest: no runtime path to a separate `.js` file is right in
 * both. It must stay plain JavaScript that Node runs untranspiled, and it must never contain a
 * `${` placeholder (this is a TypeScript template literal) or a backtick.
 *
 * What it does: one task at a time, each in a fresh `node:vm` context whose globals are a chosen set, so
 * that globals, timers and late callbacks of one task cannot leak into the next. Timers hand out numeric
 * ids (as in browsers), are owned by their task and are cleared when it finishes. An error the code
 * throws outside the awaited chain (in a timer callback, or an unhandled rejection) fails the task, as
 * it would end a Node program, instead of killing the shared worker.
 */
export const CODE_WORKER_SOURCE = String.raw`'use strict';
const { parentPort } = require('node:worker_threads');
const vm = require('node:vm');
const util = require('node:util');

const FILENAME = 'code';
const SCRIPT_CACHE_SIZE = 32;
const scriptCache = new Map();
let current = null;

// Runs inside each task's context so that the input's objects and arrays belong to the code's own
// realm: instanceof Object, x.constructor === Array and the like then behave as the author expects.
const copierScript = new vm.Script(
  '(function copyIn(root) {\n' +
  '  const seen = new Map();\n' +
  '  const tagOf = (v) => Object.prototype.toString.call(v);\n' +
  '  function copy(v) {\n' +
  '    if (v === null || typeof v !== "object") return v;\n' +
  '    if (seen.has(v)) return seen.get(v);\n' +
  '    const tag = tagOf(v);\n' +
  '    if (Array.isArray(v)) {\n' +
  '      const a = new Array(v.length); seen.set(v, a);\n' +
  '      for (let i = 0; i < v.length; i++) if (i in v) a[i] = copy(v[i]);\n' +
  '      return a;\n' +
  '    }\n' +
  '    if (tag === "[object Object]") {\n' +
  '      const o = Object.getPrototypeOf(v) === null ? Object.create(null) : {}; seen.set(v, o);\n' +
  '      for (const k of Object.keys(v)) {\n' +
  '        Object.defineProperty(o, k, { value: copy(v[k]), writable: true, enumerable: true, configurable: true });\n' +
  '      }\n' +
  '      return o;\n' +
  '    }\n' +
  '    if (tag === "[object Date]") { const d = new Date(v.getTime()); seen.set(v, d); return d; }\n' +
  '    if (tag === "[object Map]") { const m = new Map(); seen.set(v, m); for (const [k, x] of v) m.set(copy(k), copy(x)); return m; }\n' +
  '    if (tag === "[object Set]") { const s = new Set(); seen.set(v, s); for (const x of v) s.add(copy(x)); return s; }\n' +
  '    return v;\n' +
  '  }\n' +
  '  return copy(root);\n' +
  '})',
  { filename: 'core.code-input' },
);

function post(message) {
  parentPort.postMessage(message);
}

function compile(source) {
  let entry = scriptCache.get(source);
  if (entry !== undefined) {
    scriptCache.delete(source);
    scriptCache.set(source, entry);
    return entry;
  }
  try {
    // The wrapper's first line is not the author's: lineOffset -1 makes reported lines match theirs.
    const script = new vm.Script('(async function (input, ctx) {\n' + source + '\n})', {
      filename: FILENAME,
      lineOffset: -1,
    });
    entry = { script: script };
  } catch (err) {
    entry = { error: describeSyntaxError(err) };
  }
  scriptCache.set(source, entry);
  if (scriptCache.size > SCRIPT_CACHE_SIZE) scriptCache.delete(scriptCache.keys().next().value);
  return entry;
}

function describeSyntaxError(err) {
  const name = err && typeof err.name === 'string' ? err.name : 'SyntaxError';
  const message = err && typeof err.message === 'string' ? err.message : String(err);
  const stack = err && typeof err.stack === 'string' ? err.stack : '';
  const at = /^code:(\d+)/.exec(stack);
  return {
    message: name + ': ' + message + ' in code' + (at ? ' at line ' + at[1] : ''),
    retryable: false,
  };
}

// Frames of this script say nothing to the author of the code; keep the message and their frames.
function cleanStack(stack) {
  return stack
    .split('\n')
    .filter((line) => !/^\s+at /.test(line) || /[( ]code:\d+/.test(line))
    .join('\n');
}

function describeError(thrown) {
  if (thrown === null || (typeof thrown !== 'object' && typeof thrown !== 'function')) {
    return { message: String(thrown) };
  }
  try {
    const out = {
      message: typeof thrown.message === 'string' ? thrown.message : util.inspect(thrown),
    };
    if (typeof thrown.name === 'string') out.name = thrown.name;
    if (typeof thrown.stack === 'string') out.stack = cleanStack(thrown.stack);
    if (typeof thrown.code === 'string') out.code = thrown.code;
    if (typeof thrown.retryable === 'boolean') out.retryable = thrown.retryable;
    return out;
  } catch (err) {
    return { message: 'The code threw a value that could not be read' };
  }
}

function abortReason(wire) {
  const reason = new Error(wire.message);
  if (typeof wire.name === 'string') reason.name = wire.name;
  if (typeof wire.code === 'string') reason.code = wire.code;
  return reason;
}

function emitLog(state, level, args) {
  if (state.done) return;
  let message;
  try {
    message = util.format.apply(null, args);
  } catch (err) {
    message = '[unprintable log message]';
  }
  post({ type: 'log', id: state.id, level: level, message: message });
}

function makeConsole(state) {
  const at = (level) => function () { emitLog(state, level, arguments); };
  const timers = new Map();
  const counts = new Map();
  const elapsed = (label) => label + ': ' + (performance.now() - timers.get(label)).toFixed(3) + 'ms';
  // Beyond the five levels, the common helpers exist so that code written for a browser or Node does
  // not stop at a TypeError; grouping has no meaning in a flat log and does nothing.
  return {
    log: at('info'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    debug: at('debug'),
    trace: at('debug'),
    dir: (value) => emitLog(state, 'info', [util.inspect(value)]),
    table: (value) => emitLog(state, 'info', [util.inspect(value)]),
    assert: function assert(condition, ...rest) {
      if (!condition) emitLog(state, 'error', ['Assertion failed' + (rest.length > 0 ? ':' : ''), ...rest]);
    },
    count: (label = 'default') => {
      const n = (counts.get(label) || 0) + 1;
      counts.set(label, n);
      emitLog(state, 'info', [label + ': ' + n]);
    },
    countReset: (label = 'default') => { counts.delete(label); },
    time: (label = 'default') => { timers.set(label, performance.now()); },
    timeLog: (label = 'default', ...rest) => {
      if (timers.has(label)) emitLog(state, 'info', [elapsed(label), ...rest]);
    },
    timeEnd: (label = 'default') => {
      if (timers.has(label)) emitLog(state, 'info', [elapsed(label)]);
      timers.delete(label);
    },
    group: () => {},
    groupCollapsed: () => {},
    groupEnd: () => {},
  };
}

function makeLog(state) {
  const log = function log() { emitLog(state, 'info', arguments); };
  log.debug = function debug() { emitLog(state, 'debug', arguments); };
  log.info = function info() { emitLog(state, 'info', arguments); };
  log.warn = function warn() { emitLog(state, 'warn', arguments); };
  log.error = function error() { emitLog(state, 'error', arguments); };
  return Object.freeze(log);
}

function makeTimers(state) {
  function schedule(repeat, callback, ms, args) {
    if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
    if (state.done) return 0;
    const id = state.nextTimerId++;
    const fire = () => {
      if (!repeat) state.timers.delete(id);
      try {
        callback.apply(undefined, args);
      } catch (err) {
        fail(state, err);
      }
    };
    const delay = Number(ms) || 0;
    state.timers.set(id, repeat ? setInterval(fire, delay) : setTimeout(fire, delay));
    return id;
  }
  function clear(id) {
    const handle = state.timers.get(id);
    if (handle !== undefined) {
      clearTimeout(handle);
      state.timers.delete(id);
    }
  }
  return {
    setTimeout: function setTimeout(callback, ms, ...args) { return schedule(false, callback, ms, args); },
    setInterval: function setInterval(callback, ms, ...args) { return schedule(true, callback, ms, args); },
    clearTimeout: function clearTimeout(id) { clear(id); },
    clearInterval: function clearInterval(id) { clear(id); },
    queueMicrotask: function queueMicrotask(callback) {
      if (typeof callback !== 'function') throw new TypeError('The callback must be a function');
      globalThis.queueMicrotask(() => {
        if (state.done) return;
        try {
          callback();
        } catch (err) {
          fail(state, err);
        }
      });
    },
  };
}

function makeGlobals(state) {
  // A null prototype keeps this.constructor from reaching the worker's own Function (see the host's note).
  const g = Object.create(null);
  Object.assign(g, makeTimers(state), {
    fetch: fetch,
    Headers: Headers,
    Request: Request,
    Response: Response,
    FormData: FormData,
    Blob: Blob,
    URL: URL,
    URLSearchParams: URLSearchParams,
    TextEncoder: TextEncoder,
    TextDecoder: TextDecoder,
    structuredClone: structuredClone,
    AbortController: AbortController,
    AbortSignal: AbortSignal,
    DOMException: DOMException,
    EventTarget: EventTarget,
    Event: Event,
    atob: atob,
    btoa: btoa,
    crypto: globalThis.crypto,
    performance: performance,
    console: makeConsole(state),
  });
  return g;
}

function finish(state, outcome) {
  if (state.done) return;
  state.done = true;
  for (const handle of state.timers.values()) clearTimeout(handle);
  state.timers.clear();
  if (current === state) current = null;
  if (outcome.ok) {
    try {
      post({ type: 'done', id: state.id, ok: true, value: outcome.value });
    } catch (err) {
      post({
        type: 'done',
        id: state.id,
        ok: false,
        error: {
          name: 'DataCloneError',
          message:
            'The code returned a value that cannot be passed on (' +
            (err && err.message ? err.message : String(err)) +
            '). Return plain data: objects, arrays, strings, numbers, booleans or null.',
          retryable: false,
        },
      });
    }
  } else {
    post({ type: 'done', id: state.id, ok: false, error: outcome.error });
  }
}

function fail(state, thrown) {
  finish(state, { ok: false, error: describeError(thrown) });
}

function runTask(msg) {
  const state = {
    id: msg.id,
    done: false,
    timers: new Map(),
    nextTimerId: 1,
    controller: new AbortController(),
    ContextPromise: null,
  };
  current = state;
  const compiled = compile(msg.source);
  if (compiled.error) {
    finish(state, { ok: false, error: compiled.error });
    return;
  }
  try {
    const context = vm.createContext(makeGlobals(state), { name: 'core.code ' + msg.nodeId });
    state.ContextPromise = vm.runInContext('Promise', context);
    const fn = compiled.script.runInContext(context);
    const input = copierScript.runInContext(context)(msg.input);
    const ctx = Object.freeze({
      attempt: msg.attempt,
      nodeId: msg.nodeId,
      runId: msg.runId,
      signal: state.controller.signal,
      log: makeLog(state),
    });
    Promise.resolve(fn.call(undefined, input, ctx)).then(
      (value) => finish(state, { ok: true, value: value }),
      (err) => fail(state, err),
    );
  } catch (err) {
    fail(state, err);
  }
}

parentPort.on('message', (msg) => {
  if (msg === null || typeof msg !== 'object') return;
  if (msg.type === 'run') {
    runTask(msg);
  } else if (msg.type === 'abort') {
    const state = current;
    if (state !== null && state.id === msg.id && !state.controller.signal.aborted) {
      state.controller.abort(abortReason(msg.reason));
    }
  }
});

// The timer and microtask wrappers catch what they run; these catch the rest (an async callback of a
// host object, a promise nobody awaited). A rejection from an earlier task's context is not this
// task's fault, so only promises of the current context or of the worker's own realm count.
process.on('uncaughtException', (err) => {
  if (current !== null) fail(current, err);
});
process.on('unhandledRejection', (reason, promise) => {
  const state = current;
  if (state === null) return;
  if (promise instanceof Promise || (state.ContextPromise !== null && promise instanceof state.ContextPromise)) {
    fail(state, reason);
  }
});
`;
