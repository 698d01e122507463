// A plugin runner process (started by launcher.ts, driven by client.ts; messages in protocol.ts). It runs
// plugin nodes and the user code of `core.code` nodes (that part is in child-code.mjs).
// Plain JavaScript importing only node: built-ins and its sibling .mjs files, so it runs as is beside
// the TypeScript sources (vitest) and beside the esbuild bundle (scripts/build.mjs copies every .mjs
// file of this folder into dist/, so that the relative import below resolves there too).
import { AsyncLocalStorage } from 'node:async_hooks';
import * as nodeModule from 'node:module';
import { format } from 'node:util';
import { createCodeCalls } from './child-code.mjs';
import { hostChannel } from './child-transport.mjs';

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
/** Open `core.code` calls: id -> their state (see runCode in child-code.mjs). */
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

const host = hostChannel();
const sendRaw = host.send;
const hostSetTimeout = globalThis.setTimeout;
const hostSetInterval = globalThis.setInterval;
const hostClearTimeout = globalThis.clearTimeout;
const hostQueueMicrotask = globalThis.queueMicrotask;
const reallyExit = process.exit.bind(process);

function send(message) {
  if (!host.connected()) return;
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
host.onDisconnect(() => reallyExit(0));

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

// core.code calls (child-code.mjs), given what they share with plugin calls: the call maps, the
// running call's store, log lines, the one-answer reply, and the timers as they were before any
// plugin or user code ran (captured above).
const { runCode, failCode } = createCodeCalls({
  current,
  calls,
  codeCalls,
  log,
  reply,
  toWire,
  timers: { setTimeout: hostSetTimeout, setInterval: hostSetInterval, clearTimeout: hostClearTimeout, queueMicrotask: hostQueueMicrotask },
});

host.onMessage((m) => {
  if (m === null || typeof m !== 'object') return;
  if (m.t === 'run') run(m);
  else if (m.t === 'code') runCode(m);
  else if (m.t === 'abort') abortCall(m.id, fromWire(m.reason));
  else if (m.t === 'ping') send({ t: 'pong', id: m.id });
  else if (m.t === 'load') void load(m);
});
