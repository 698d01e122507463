// A plugin runner process (started by launcher.ts, driven by client.ts; messages in protocol.ts).
// Plain JavaScript importing only node: built-ins, so this one file runs as is beside the TypeScript
// sources (vitest) and beside the esbuild bundle (scripts/build.mjs copies it into dist/).
import { AsyncLocalStorage } from 'node:async_hooks';
import { format } from 'node:util';

/** Which host message (a load or a call) the running code belongs to: `{ id, plugin }`. */
const current = new AsyncLocalStorage();
/** Loaded plugins: name -> Map(node type -> node object). */
const plugins = new Map();
/** Open calls: id -> AbortController. An id leaves when its one answer is sent. */
const calls = new Map();
/** How often each plugin was imported: a re-load imports a fresh copy (`?v=n`), not the cached one. */
const imports = new Map();
const MAX_LOG = 16_000;

const sendRaw = process.send.bind(process);
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

async function load({ id, name, url }) {
  const open = { id, plugin: name };
  try {
    const n = (imports.get(name) ?? 0) + 1;
    imports.set(name, n);
    const module = await current.run(open, () => import(n === 1 ? url : `${url}?v=${n}`));
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
    plugins.set(name, nodes);
    send({ t: 'loaded', id, nodes: JSON.parse(JSON.stringify(descriptors)) });
  } catch (error) {
    send({ t: 'failed', id, reason: toWire(error).message });
  }
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
  const node = plugins.get(m.plugin)?.get(m.type);
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

process.on('message', (m) => {
  if (m === null || typeof m !== 'object') return;
  if (m.t === 'run') run(m);
  else if (m.t === 'abort') calls.get(m.id)?.abort(fromWire(m.reason));
  else if (m.t === 'ping') send({ t: 'pong', id: m.id });
  else if (m.t === 'load') void load(m);
});
