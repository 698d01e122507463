// A plugin runner process (started by launcher.ts, driven by client.ts; messages in protocol.ts). It runs
// plugin nodes and the user code of `core.code` nodes (see the core.code section below).
// Plain JavaScript importing only node: built-ins, so this one file runs as is beside the TypeScript
// sources (vitest) and beside the esbuild bundle (scripts/build.mjs copies it into dist/).
import { AsyncLocalStorage } from 'node:async_hooks';
import * as nodeModule from 'node:module';
import { format, inspect } from 'node:util';
import * as vm from 'node:vm';

/** Which host message (a load or a call) the running code belongs to: `{ id, plugin }`. */
const current = new AsyncLocalStorage();
/**
 * Loaded plugins: name -> { latest, generations: Map(generation -> Map(node type -> node object)) },
 * generations in least-recently-used order. A reload adds a generation; calls that name an older one
 * (a run that started before the reload) still run its code while it is among the last few kept.
 */
const plugins = new Map();
/** Generations kept per plugin, the latest always among them (client.ts/runner.ts keep more names). */
const KEEP_GENERATIONS = 3;
/** Open calls: id -> AbortController. An id leaves when its one answer is sent. */
const calls = new Map();
/** Open `core.code` calls: id -> their state (see runCode below). */
const codeCalls = new Map();
/** How often each plugin was imported: a re-load imports a fresh copy (`?weft-v=n`), not the cached one. */
const imports = new Map();
/** Whether the hook that gives a re-loaded plugin's own imports fresh copies too is registered. */
let freshImports = false;

// A re-loaded main module imports its sibling files fresh as well: the `weft-v` query of a parent is
// passed on to the plugin files it imports (not to node_modules, not to built-ins). Registered on the
// first re-load only, so a runner that never reloads pays nothing for it.
const FRESH_IMPORTS_HOOK = `
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const parent = context.parentURL;
  if (parent === undefined || !parent.startsWith('file:') || !result.url.startsWith('file:')) return result;
  const v = new URL(parent).searchParams.get('weft-v');
  if (v === null || result.url.includes('/node_modules/')) return result;
  const url = new URL(result.url);
  if (url.searchParams.has('weft-v')) return result;
  url.searchParams.set('weft-v', v);
  return { ...result, url: url.href };
}`;

function registerFreshImports() {
  if (freshImports) return;
  freshImports = true;
  try {
    nodeModule.register?.(`data:text/javascript,${encodeURIComponent(FRESH_IMPORTS_HOOK)}`);
  } catch {
    // Without hooks (an older runtime) only the main module is fresh on re-load.
  }
}
const MAX_LOG = 16_000;

const sendRaw = process.send.bind(process);
const hostSetTimeout = globalThis.setTimeout;
const hostSetInterval = globalThis.setInterval;
const hostClearTimeout = globalThis.clearTimeout;
const hostQueueMicrotask = globalThis.queueMicrotask;
const reallyExit = process.exit.bind(process);

function send(message) {
  if (!process.connected) return;
  try {
    sendRaw(message);
  } catch {
    // Only the call replies below can hold unserialisable data; they handle it themselves.
  }
}

function toWire(error) {
  if (error !== null && typeof error === 'object') {
    const { message, code, retryable, name } = error;
    return {
      message: typeof message === 'string' && message !== '' ? message : String(error),
      ...(typeof code === 'string' ? { code } : {}),
      ...(typeof retryable === 'boolean' ? { retryable } : {}),
      ...(typeof name === 'string' ? { name } : {}),
    };
  }
  return { message: String(error) };
}

function fromWire(wire) {
  const error = new Error(wire?.message ?? 'aborted');
  error.name = wire?.name ?? 'AbortError';
  if (wire?.code !== undefined) error.code = wire.code;
  return error;
}

function log(level, message, open = current.getStore()) {
  const text = String(message);
  send({ t: 'log', id: open?.id, plugin: open?.plugin, level, message: text.length > MAX_LOG ? `${text.slice(0, MAX_LOG)}…` : text });
}

function logger(open) {
  const write = (message) => log('info', message, open);
  for (const level of ['debug', 'info', 'warn', 'error']) write[level] = (message) => log(level, message, open);
  return write;
}

// Plugin console output becomes log lines of the call that wrote it (stdout goes nowhere).
for (const [method, level] of [['log', 'info'], ['info', 'info'], ['debug', 'debug'], ['trace', 'debug'], ['warn', 'warn'], ['error', 'error']]) {
  console[method] = (...args) => log(level, format(...args));
}

// process.exit in plugin code still ends the runner (the host replaces it), but says whose code did.
process.exit = (code) => {
  const open = current.getStore();
  send({ t: 'exiting', id: open?.id, plugin: open?.plugin, code: Number(code ?? process.exitCode ?? 0) || 0 });
  reallyExit(code);
};

// A throw or rejection that escaped a call fails that call; one nobody can be blamed for ends the runner.
function stray(error) {
  const open = current.getStore();
  if (open?.code !== undefined) {
    // core.code: a late error from a call that has already ended is nobody's business any more (its
    // timers are gone; a forgotten promise is all that can be left) and must not end the runner.
    failCode(open.code, error);
    return;
  }
  if (open !== undefined && calls.has(open.id)) {
    reply(open.id, { t: 'error', id: open.id, error: toWire(error) });
    return;
  }
  const why = `uncaught error${open ? ` from ${open.plugin}` : ''}: ${toWire(error).message}`;
  send({ t: 'exiting', id: open?.id, plugin: open?.plugin, code: 70, why });
  reallyExit(70);
}
process.on('uncaughtException', stray);
process.on('unhandledRejection', stray);
// The host went away (or closed us): nothing is left to serve.
process.on('disconnect', () => reallyExit(0));

function text(value, fallback) {
  return typeof value === 'string' ? value : fallback;
}

function strings(value) {
  return Array.isArray(value) ? value.filter((v) => typeof v === 'string') : [];
}

function describe(node, plugin) {
  return {
    type: node.type,
    title: text(node.title, node.type),
    category: text(node.category, ''),
    tags: strings(node.tags),
    description: text(node.description, ''),
    inputs: Array.isArray(node.inputs) ? node.inputs : [],
    outputs: Array.isArray(node.outputs) ? node.outputs : [],
    params: node.params !== null && typeof node.params === 'object' ? node.params : null,
    rawParams: strings(node.rawParams),
    plugin,
  };
}

async function load({ id, name, url, generation }) {
  const open = { id, plugin: name };
  try {
    const n = (imports.get(name) ?? 0) + 1;
    imports.set(name, n);
    if (n > 1) registerFreshImports();
    const module = await current.run(open, () => import(n === 1 ? url : `${url}?weft-v=${n}`));
    const plugin = module.default;
    if (plugin === null || typeof plugin !== 'object') throw new Error('the main module has no default export of a plugin object');
    if (typeof plugin.init === 'function') {
      send({ t: 'phase', id, phase: 'init' });
      await current.run(open, () => plugin.init({ name, apiVersion: 1, log: logger(open) }));
    }
    if (!Array.isArray(plugin.nodes)) throw new Error('the plugin object has no `nodes` array');
    const nodes = new Map();
    for (const [i, node] of plugin.nodes.entries()) {
      if (node === null || typeof node !== 'object' || typeof node.type !== 'string') throw new Error(`node #${i + 1} has no type`);
      if (typeof node.run !== 'function') throw new Error(`node ${node.type} has no run function`);
      nodes.set(node.type, node);
    }
    const descriptors = [...nodes.values()].map((node) => describe(node, name));
    keep(name, typeof generation === 'number' ? generation : n, nodes);
    send({ t: 'loaded', id, nodes: JSON.parse(JSON.stringify(descriptors)) });
  } catch (error) {
    send({ t: 'failed', id, reason: toWire(error).message });
  }
}

/** Makes `nodes` the plugin's latest generation and lets the least recently used beyond the bound go. */
function keep(name, generation, nodes) {
  let entry = plugins.get(name);
  if (entry === undefined) plugins.set(name, (entry = { latest: generation, generations: new Map() }));
  entry.latest = generation;
  entry.generations.delete(generation);
  entry.generations.set(generation, nodes);
  for (const old of entry.generations.keys()) {
    if (entry.generations.size <= KEEP_GENERATIONS) break;
    if (old !== entry.latest) entry.generations.delete(old);
  }
}

/** The node objects of a plugin's generation (its latest when none is named), marked as just used. */
function generationOf(name, generation) {
  const entry = plugins.get(name);
  if (entry === undefined) return undefined;
  const wanted = typeof generation === 'number' ? generation : entry.latest;
  const nodes = entry.generations.get(wanted);
  if (nodes !== undefined) {
    entry.generations.delete(wanted);
    entry.generations.set(wanted, nodes);
  }
  return nodes;
}

function abortCall(id, reason) {
  const state = codeCalls.get(id);
  // The code's own abort listeners run as part of its call (an error they throw fails that call).
  if (state !== undefined) current.run(state.open, () => state.controller.abort(reason));
  else calls.get(id)?.abort(reason);
}

function reply(id, message) {
  if (!calls.delete(id)) return; // already answered (a stray error failed it first)
  try {
    sendRaw(message);
  } catch (error) {
    send({ t: 'error', id, error: { message: `the node's outputs cannot be passed to the host as JSON: ${toWire(error).message}`, code: 'NODE_ERROR', retryable: false } });
  }
}

function run(m) {
  const nodes = generationOf(m.plugin, m.generation);
  if (nodes === undefined && plugins.has(m.plugin)) {
    send({ t: 'error', id: m.id, error: { message: `generation ${m.generation} of plugin ${m.plugin} is no longer loaded (the plugin was reloaded since)`, code: 'PLUGIN_NOT_LOADED', retryable: false } });
    return;
  }
  const node = nodes?.get(m.type);
  if (node === undefined) {
    send({ t: 'error', id: m.id, error: { message: `${m.plugin} has no node type ${m.type}`, code: 'NODE_ERROR', retryable: false } });
    return;
  }
  const controller = new AbortController();
  calls.set(m.id, controller);
  const open = { id: m.id, plugin: m.plugin };
  const context = { inputs: m.inputs, params: m.params, signal: controller.signal, attempt: m.attempt, log: logger(open), nodeId: m.nodeId, runId: m.runId, workspaceId: m.workspaceId };
  void current.run(open, async () => {
    try {
      const outputs = await node.run(context);
      if (outputs !== undefined && (outputs === null || typeof outputs !== 'object' || Array.isArray(outputs))) {
        throw Object.assign(new TypeError(`${m.type} must return an object of output values by port`), { code: 'NODE_ERROR', retryable: false });
      }
      reply(m.id, { t: 'done', id: m.id, outputs: outputs ?? {} });
    } catch (error) {
      reply(m.id, { t: 'error', id: m.id, error: toWire(error) });
    }
  });
}

// ---------------------------------------------------------------------------------------------------
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

process.on('message', (m) => {
  if (m === null || typeof m !== 'object') return;
  if (m.t === 'run') run(m);
  else if (m.t === 'code') runCode(m);
  else if (m.t === 'abort') abortCall(m.id, fromWire(m.reason));
  else if (m.t === 'ping') send({ t: 'pong', id: m.id });
  else if (m.t === 'load') void load(m);
});
